// Imported first by the bench: the AWS SDK's notice about Node 22 (README, Notes) would otherwise open its output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
