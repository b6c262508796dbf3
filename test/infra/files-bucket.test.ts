// The files bucket of ticket attachments: private, encrypted, TLS only, CORS for the portal alone, incomplete uploads
// cleaned up; and only the routes that declare `files` may touch its attachments, with the actions of their access.

import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { stageConfig } from '#infra/config.ts';
import { synthesizedStage } from '../support/synthesized-stage.ts';

const STAGE = 'dev';
const functionName = (entry: { handler: string }) => `atrium-${STAGE}-${entry.handler.replaceAll('/', '-')}`;

type Statement = { Action: string | string[]; Resource: unknown };

let stateful: Template;
let api: Template;
beforeAll(() => {
  ({ stateful, api } = synthesizedStage(STAGE));
});

describe('the files bucket', () => {
  it('is encrypted, blocks public access, and names the stage and account', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: { 'Fn::Join': ['', [`atrium-${STAGE}-files-`, { Ref: 'AWS::AccountId' }]] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('lets only the portal’s origin POST, PUT and GET from a browser, and aborts incomplete uploads', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: [stageConfig(STAGE).portalUrl],
            AllowedMethods: Match.arrayEquals(['POST', 'PUT', 'GET']),
          }),
        ],
      },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })],
      },
    });
  });

  it('refuses every request without TLS', () => {
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the files grants', () => {
  /** The function's environment and the statements of its role's policies. */
  function functionOf(entry: { handler: string }) {
    // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties come in any shape; the assertions read the ones they need.
    const resources = api.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
    const [, fn] = Object.entries(resources).find(
      ([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.FunctionName === functionName(entry),
    )!;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    return { variables: fn.Properties.Environment.Variables as Record<string, unknown>, statements };
  }

  it('gives the attachment routes exactly their access to attachments/*, and every other function none', () => {
    const declared = Object.fromEntries(routes.filter((route) => route.files).map((route) => [route.handler, route.files]));
    expect(declared).toMatchObject({
      'attachments/start-upload': 'read-write',
      'attachments/complete-upload': 'read-write',
      'attachments/download-attachment': 'read',
      'attachments/staff-download-attachment': 'read',
    });
    expect(declared).not.toHaveProperty('attachments/list-attachments');
    // The inbound-mail worker reads inbound/ only (test/infra/inbound-mail.test.ts); attachments are not its business.
    for (const entry of [...routes, ...workers.filter((worker) => worker.trigger.kind !== 's3-inbound-mail')]) {
      const { variables, statements } = functionOf(entry);
      const s3Statements = statements.filter((statement) => JSON.stringify(statement.Action).includes('s3:'));
      const access = 'files' in entry ? entry.files : undefined;
      // The invoice PDF routes have their own prefix (checked below).
      if ('invoicePdfs' in entry && entry.invoicePdfs) continue;
      if (!access) {
        expect(variables, entry.handler).not.toHaveProperty('FILES_BUCKET');
        expect(s3Statements, entry.handler).toEqual([]);
        continue;
      }
      expect(JSON.stringify(variables.FILES_BUCKET), entry.handler).toContain(`atrium-${STAGE}-files-`);
      expect(s3Statements, entry.handler).toHaveLength(1);
      const actions = [s3Statements[0]!.Action].flat().sort();
      expect(actions, entry.handler).toEqual(access === 'read' ? ['s3:GetObject'] : ['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
      expect(JSON.stringify(s3Statements[0]!.Resource), entry.handler).toMatch(/:s3:::atrium-dev-files-.*\/attachments\/\*"/);
    }
  });

  it('gives the invoice PDF routes GetObject and PutObject on invoices/* only', () => {
    const pdfRoutes = routes.filter((route) => route.invoicePdfs).map((route) => route.handler);
    expect(pdfRoutes.sort()).toEqual(['invoices/download-invoice', 'invoices/staff-download-invoice']);
    for (const handler of pdfRoutes) {
      const { variables, statements } = functionOf({ handler });
      const s3Statements = statements.filter((statement) => JSON.stringify(statement.Action).includes('s3:'));
      expect(JSON.stringify(variables.FILES_BUCKET), handler).toContain(`atrium-${STAGE}-files-`);
      expect(s3Statements, handler).toHaveLength(1);
      expect([s3Statements[0]!.Action].flat().sort(), handler).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(JSON.stringify(s3Statements[0]!.Resource), handler).toMatch(/:s3:::atrium-dev-files-.*\/invoices\/\*"/);
    }
  });
});
