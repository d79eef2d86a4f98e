import { PageHeader } from '../../shared/ui/kit.tsx';

export default function AccountRequestsPage() {
  return <PageHeader title="AccountRequestsPage" />;
}
