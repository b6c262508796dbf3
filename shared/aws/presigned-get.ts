// Short download links of objects in the files bucket (ticket attachments, invoice PDFs): a presigned GET signed at the
// start of the minute and valid two, so a link works 60 to 120 seconds and the same object asked for twice within a
// minute (a double click, a staff user viewing as the customer) gets the same link.

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { filesBucket, s3 } from '#shared/aws/s3.ts';
import { now } from '#shared/time.ts';

/** A download link works at least this long and at most twice as long: enough to start the download, too short to pass around. */
export const DOWNLOAD_EXPIRES_SECONDS = 60;

export async function presignedDownload(
  key: string,
  response: { contentDisposition: string; contentType: string },
): Promise<{ url: string; expiresAt: string }> {
  const signedAt = new Date(Math.floor(now().getTime() / 60_000) * 60_000);
  const url = await getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: filesBucket(),
      Key: key,
      ResponseContentDisposition: response.contentDisposition,
      ResponseContentType: response.contentType,
    }),
    { signingDate: signedAt, expiresIn: DOWNLOAD_EXPIRES_SECONDS * 2 },
  );
  return { url, expiresAt: new Date(signedAt.getTime() + DOWNLOAD_EXPIRES_SECONDS * 2000).toISOString() };
}
