// The local demo's knowledge base (infra/local/seed.ts): four published articles in English and Polish, written once
// (staff edits survive a restart), then the search indexes rebuilt so `npm start` finds them.

import { PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { rebuildSearchIndexes } from './index-store.ts';
import { type Article, articleItem } from './model.ts';

const AT = '2026-01-10T09:00:00.000Z';

function demo(articleId: string, slug: string, fields: Pick<Article, 'category' | 'productIds' | 'translations'>, day: number): Article {
  const at = AT.replace('10T', `${String(10 + day).padStart(2, '0')}T`);
  return { articleId, slug, status: 'published', createdAt: at, updatedAt: at, publishedAt: at, ...fields };
}

export const DEMO_ARTICLES: readonly Article[] = [
  demo(
    '01JH0KB0000000000000000001',
    'printer-not-printing-in-a-remote-session',
    {
      category: 'troubleshooting',
      productIds: ['remote-access'],
      translations: {
        en: {
          title: 'Printer not printing in a remote session',
          summary: 'When a local printer does not print from the remote desktop: check the universal printer and the spooler.',
          body: '## Steps\n\n- Open the **Universal Printer** settings on the server.\n- Restart the Print Spooler service.\n- Print a test page from the remote session.\n\nStill stuck? Open a ticket with the printer model.',
        },
        pl: {
          title: 'Drukarka nie drukuje w sesji zdalnej',
          summary: 'Gdy lokalna drukarka nie drukuje z pulpitu zdalnego: sprawdź drukarkę uniwersalną i bufor wydruku.',
          body: '## Kroki\n\n- Otwórz ustawienia **drukarki uniwersalnej** na serwerze.\n- Uruchom ponownie usługę bufora wydruku.\n- Wydrukuj stronę testową z sesji zdalnej.\n\nNadal nie działa? Zgłoś problem i podaj model drukarki.',
        },
      },
    },
    0,
  ),
  demo(
    '01JH0KB0000000000000000002',
    'renew-the-gateway-ssl-certificate',
    {
      category: 'security',
      productIds: ['remote-access'],
      translations: {
        en: {
          title: 'Renew the gateway SSL certificate',
          summary: 'Replace an expiring certificate on the web gateway without downtime.',
          body: '1. Request the new certificate for the gateway’s domain.\n2. Import it in the **SSL** tab of the admin tool.\n3. Restart the web server.\n\nBrowsers show a warning once the old certificate has expired.',
        },
        pl: {
          title: 'Odnowienie certyfikatu SSL bramy',
          summary: 'Wymiana wygasającego certyfikatu na bramie WWW bez przerwy w pracy.',
          body: '1. Zamów nowy certyfikat dla domeny bramy.\n2. Zaimportuj go w zakładce **SSL** narzędzia administracyjnego.\n3. Uruchom ponownie serwer WWW.\n\nPo wygaśnięciu starego certyfikatu przeglądarki pokazują ostrzeżenie.',
        },
      },
    },
    1,
  ),
  demo(
    '01JH0KB0000000000000000003',
    'activate-a-licence-offline',
    {
      category: 'licensing',
      productIds: [],
      translations: {
        en: {
          title: 'Activate a licence offline',
          summary: 'Activate a licence on a server with no internet access, with an activation file.',
          body: 'On the server, export the **activation request** file. Upload it on the licence’s page in the portal, download the licence file and import it on the server.',
        },
        pl: {
          title: 'Aktywacja licencji offline',
          summary: 'Aktywacja licencji na serwerze bez dostępu do internetu, za pomocą pliku aktywacyjnego.',
          body: 'Na serwerze wyeksportuj plik **żądania aktywacji**. Wgraj go na stronie licencji w portalu, pobierz plik licencji i zaimportuj go na serwerze.',
        },
      },
    },
    2,
  ),
  demo(
    '01JH0KB0000000000000000004',
    'set-up-disk-space-alerts',
    {
      category: 'configuration',
      productIds: ['server-monitoring'],
      translations: {
        en: {
          title: 'Set up disk space alerts',
          summary: 'Get an e-mail before a server’s disk fills up.',
          body: 'In **Alerts**, add a rule for *Disk free space* below 10%, choose the recipients and save. Test it with **Send test alert**.',
        },
        pl: {
          title: 'Alerty o miejscu na dysku',
          summary: 'Otrzymuj e-mail, zanim dysk serwera się zapełni.',
          body: 'W sekcji **Alerty** dodaj regułę *Wolne miejsce na dysku* poniżej 10%, wybierz odbiorców i zapisz. Sprawdź ją przyciskiem **Wyślij alert testowy**.',
        },
      },
    },
    3,
  ),
];

/** Writes the demo articles that are not there yet, then (when it wrote one) rebuilds the search indexes. */
export async function seedKnowledge(): Promise<void> {
  let wrote = false;
  for (const article of DEMO_ARTICLES) {
    wrote = await db()
      .send(new PutCommand({ TableName: tableName(), Item: articleItem(article), ConditionExpression: 'attribute_not_exists(PK)' }))
      .then(
        () => true,
        (error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
          return wrote;
        },
      )
      .then((written) => written || wrote);
  }
  if (wrote) await rebuildSearchIndexes();
}
