import { PageHeader } from '../../shared/ui/kit.tsx';

export default function TeamsPage() {
  return <PageHeader title="TeamsPage" />;
}
