import { PageHeader } from '../../shared/ui/kit.tsx';

export default function ProjectsPage() {
  return <PageHeader title="ProjectsPage" />;
}
