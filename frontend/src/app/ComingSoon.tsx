import { useLocation } from 'react-router';
import { Card, PageHeader } from '../shared/ui/kit.tsx';

/** Reports and payroll pages arrive with their backend endpoints. */
export default function ComingSoon() {
  const { pathname } = useLocation();
  const title = pathname.startsWith('/payroll') ? 'Payroll' : 'Reports';
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <p>This page is coming soon: its part of the API is being built.</p>
      </Card>
    </>
  );
}
