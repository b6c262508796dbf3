// cdk-nag acknowledgements for the deploy-time copier that aws-cdk-lib's BucketDeployment brings: its handler
// function and the grants it adds to the role we hand it. Each wildcard finding is matched to the grant that
// caused it, so a wildcard nobody explained still fails synth.

import { Stack, Validations } from 'aws-cdk-lib';
import { Policy, type Role } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

interface ResolvedStatement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Why each kind of BucketDeployment grant needs its wildcard. */
function reasonFor(statement: ResolvedStatement): string | undefined {
  const actions = list(statement.Action);
  const resources = list(statement.Resource).map(flattenCfnReference);
  if (actions.every((action) => action.startsWith('cloudfront:'))) {
    return 'BucketDeployment grants cloudfront:CreateInvalidation/GetInvalidation on "*" so the handler can invalidate the distribution after copying; it runs only inside CloudFormation deployments.';
  }
  if (resources.some((resource) => /cdk-[a-z0-9]+-assets-/.test(resource))) {
    return "BucketDeployment's read grant on the CDK bootstrap asset bucket (s3:GetObject*/GetBucket*/List* on its objects): the handler downloads this deployment's source zips from there.";
  }
  if (actions.some((action) => action.startsWith('s3:'))) {
    return "BucketDeployment's read-write grant on the site bucket and its objects (/*): the handler uploads the web app and config.json and prunes stale files; the grant names this one bucket.";
  }
  return undefined;
}

/** Acknowledges the wildcard findings (AwsSolutions-IAM5) of the grants BucketDeployment added to `role`. */
export function acknowledgeBucketDeploymentGrants(role: Role): void {
  const stack = Stack.of(role);
  for (const child of role.node.children) {
    if (!(child instanceof Policy)) continue;
    const document = stack.resolve(child.document.toJSON()) as { Statement?: ResolvedStatement[] };
    for (const statement of document.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      const reason = reasonFor(statement);
      if (!reason) continue;
      const findings = [
        ...list(statement.Action)
          .filter((action) => action.includes('*'))
          .map((action) => `Action::${action}`),
        ...list(statement.Resource)
          .map(flattenCfnReference)
          .filter((resource) => resource.includes('*'))
          .map((resource) => `Resource::${resource}`),
      ];
      for (const finding of findings) {
        Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
      }
    }
  }
}

/** Acknowledges the findings on BucketDeployment's singleton handler function, which the stack owns directly. */
export function acknowledgeBucketDeploymentHandler(stack: Stack): void {
  const handlers = stack.node.children.filter(
    (child: IConstruct) => child instanceof LambdaFunction && child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  for (const handler of handlers) {
    const runtime =
      "The handler's Python runtime is pinned by aws-cdk-lib's BucketDeployment and moves with aws-cdk-lib upgrades; it runs only during deployments, never on a request path.";
    Validations.of(handler).acknowledge({ id: 'AwsSolutions-L1', reason: runtime });
    Validations.of(handler).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: runtime });
    Validations.of(handler).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'CloudFormation invokes this custom-resource handler and waits for its answer; a failure fails the deployment visibly, so there is nothing for a dead-letter queue to keep.',
    });
    Validations.of(handler).acknowledge({
      id: 'Serverless-LambdaTracing',
      reason: 'A deploy-time file copier with no request path to trace; its logs go to a log group with retention.',
    });
  }
}
