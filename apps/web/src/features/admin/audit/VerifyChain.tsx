// "Verify chain": the server recomputes the audit log's hash chain; we say whether it holds, or
// where it breaks.
import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { errorMessage } from '../../../app/form-errors';
import type { useVerifyAuditChain } from './queries';

type Verify = ReturnType<typeof useVerifyAuditChain>;

export function VerifyChainButton({ verify }: { verify: Verify }) {
  return (
    <Button
      variant="default"
      leftSection={<IconShieldCheck size={18} />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
    >
      Verify chain
    </Button>
  );
}

export function VerifyChainResult({ verify }: { verify: Verify }) {
  if (verify.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not verify the chain">
        {errorMessage(verify.error)}
      </Alert>
    );
  }
  const result = verify.data;
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert
        color="teal"
        icon={<IconShieldCheck />}
        title="Chain OK"
        data-testid="verify-result"
        withCloseButton
        onClose={verify.reset}
      >
        All {result.checked} entries are intact: none was changed, removed or inserted since it was written.
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="Chain broken" data-testid="verify-result">
      The chain breaks at entry #{result.brokenAt ?? '?'} ({result.checked} entries checked). {result.message}
    </Alert>
  );
}
