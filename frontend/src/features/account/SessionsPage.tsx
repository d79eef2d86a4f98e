import { PageHeader } from '../../shared/ui/kit.tsx';

export default function SessionsPage() {
  return <PageHeader title="SessionsPage" />;
}
