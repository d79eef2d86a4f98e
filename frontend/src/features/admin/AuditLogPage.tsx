import { PageHeader } from '../../shared/ui/kit.tsx';

export default function AuditLogPage() {
  return <PageHeader title="AuditLogPage" />;
}
