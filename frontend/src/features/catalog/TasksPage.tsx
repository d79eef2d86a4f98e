import { PageHeader } from '../../shared/ui/kit.tsx';

export default function TasksPage() {
  return <PageHeader title="TasksPage" />;
}
