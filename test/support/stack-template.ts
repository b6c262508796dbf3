// A stack's template with the resources of its nested stacks merged in, as one Template the infra tests can search:
// the API stack keeps its functions in one nested stack per area of the route table (infra/stacks/api-stack.ts). A
// nested stack refers to its parent's resources through parameters; those are replaced by the values the parent
// passes, so a merged function reads as it would in one flat template (e.g. `{ 'Fn::GetAtt': [queue, 'Arn'] }`).

import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;

function substitute(value: Json, parameters: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((item) => substitute(item, parameters));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'Ref' && typeof entries[0]![1] === 'string' && entries[0]![1] in parameters) {
    return parameters[entries[0]![1]];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, substitute(item, parameters)]));
}

export function templateWithNested(stack: Stack): Template {
  const parent = Template.fromStack(stack).toJSON() as {
    Resources: Record<string, { Properties?: { Parameters?: Record<string, Json> } }>;
  };
  const resources: Record<string, Json> = { ...parent.Resources };
  for (const child of stack.node.findAll()) {
    if (!(child instanceof NestedStack)) continue;
    const stackResourceId = Stack.of(child.nestedStackResource!).getLogicalId(child.nestedStackResource!);
    const parameters = parent.Resources[stackResourceId]?.Properties?.Parameters ?? {};
    const nested = Template.fromStack(child).toJSON() as { Resources: Record<string, Json> };
    Object.assign(resources, substitute(nested.Resources, parameters));
  }
  return Template.fromJSON({ ...parent, Resources: resources });
}
