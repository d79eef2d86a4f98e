import { PageHeader } from '../../shared/ui/kit.tsx';

export default function UsersPage() {
  return <PageHeader title="UsersPage" />;
}
