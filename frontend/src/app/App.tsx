import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { statusOf } from '../shared/api/errors.ts';
import { useSession, wireSession } from '../shared/auth/session.ts';
import { registerUserStore } from '../shared/auth/userScope.ts';
import { Toaster } from '../shared/ui/Toaster.tsx';
import { makeRouter } from './router.tsx';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers do not change by asking again
        retry: (count, error) => {
          const status = statusOf(error);
          return count < 1 && (status === undefined || status >= 500);
        },
        staleTime: 15_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(makeRouter);
  const start = useSession((s) => s.start);

  useEffect(() => {
    const unregister = registerUserStore(() => queryClient.clear());
    wireSession();
    void start();
    return () => {
      unregister();
    };
  }, [queryClient, start]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  );
}
