// The daily job's notices of a distributor's client's service, in each language (shared/subscriptions/daily-job.ts):
// the client is told who renews it (its distributor, with the contact e-mail, and no renew link), and the distributor
// which client's service to renew. A module of their own, so that only the job's bundle carries them, not every handler
// that mails through the shop catalogue.

import { plural } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';

const en = {
  /** A distributor's client: its distributor orders the renewals (name and contact e-mail), so no renew link. */
  clientReminderText: (s: {
    service: string;
    paidUntil: string;
    daysLeft: number;
    autoRenew: boolean;
    distributor: string;
    email: string;
    link: string;
  }) =>
    `Your ${s.service} is paid until ${s.paidUntil} (${s.daysLeft === 1 ? '1 day' : `${s.daysLeft} days`} left).\n\n` +
    (s.autoRenew
      ? `Your distributor, ${s.distributor} (${s.email}), renews it automatically: there is nothing for you to do.`
      : `Your distributor, ${s.distributor} (${s.email}), orders its renewals: please contact them to keep it running.`) +
    `\n\nThe service: ${s.link}`,
  clientOverdueText: (s: { service: string; paidUntil: string; suspendOn: string; distributor: string; email: string; link: string }) =>
    `The paid period of your ${s.service} ended on ${s.paidUntil}. Unless it is renewed, it will be suspended on ${s.suspendOn}.\n\n` +
    `Your distributor, ${s.distributor} (${s.email}), orders its renewals: please contact them.\n\nThe service: ${s.link}`,
  clientSuspendedText: (s: { service: string; paidUntil: string; distributor: string; email: string; link: string }) =>
    `Your ${s.service} was paid until ${s.paidUntil} and has not been renewed, so it is now suspended.\n\n` +
    `Your distributor, ${s.distributor} (${s.email}), orders its renewals: please contact them to restore it.\n\nThe service: ${s.link}`,
  /** The distributor of a client, told of its client's service as the client is (it renews it). */
  distributorReminderSubject: (s: { service: string; client: string; paidUntil: string }) =>
    `${s.service} of your client ${s.client}: paid until ${s.paidUntil}`,
  distributorReminderText: (s: {
    service: string;
    client: string;
    paidUntil: string;
    daysLeft: number;
    price: string;
    autoRenew: boolean;
    link: string;
  }) =>
    `The ${s.service} of your client ${s.client} is paid until ${s.paidUntil} (${s.daysLeft === 1 ? '1 day' : `${s.daysLeft} days`} left). A renewal costs ${s.price}.\n\n` +
    (s.autoRenew
      ? 'Automatic renewal is on: we renew it from your balance when it falls due. Please make sure your balance covers it.'
      : 'Your client orders its renewals through you: renew it for them in the customer portal to keep it running.') +
    `\n\nThe service: ${s.link}`,
  distributorOverdueSubject: (s: { service: string; client: string }) =>
    `${s.service} of your client ${s.client}: the paid period has ended`,
  distributorOverdueText: (s: { service: string; client: string; paidUntil: string; suspendOn: string; price: string; link: string }) =>
    `The paid period of the ${s.service} of your client ${s.client} ended on ${s.paidUntil}. Please renew it for them (${s.price}) by ${s.suspendOn}, or it will be suspended.\n\n` +
    `Renew it for your client: ${s.link}`,
  distributorSuspendedSubject: (s: { service: string; client: string }) => `${s.service} of your client ${s.client} is suspended`,
  distributorSuspendedText: (s: { service: string; client: string; paidUntil: string; price: string; link: string }) =>
    `The ${s.service} of your client ${s.client} was paid until ${s.paidUntil} and has not been renewed, so it is now suspended.\n\n` +
    `Renew it for your client (${s.price}) to restore it: ${s.link}`,
};

export type DistributorNotices = typeof en;

const pl: DistributorNotices = {
  clientReminderText: (s) =>
    `Twoja usługa ${s.service} jest opłacona do ${s.paidUntil} (${plural('pl', s.daysLeft, { one: 'został 1 dzień', other: `zostało ${s.daysLeft} dni` })}).\n\n` +
    (s.autoRenew
      ? `Twój dystrybutor, ${s.distributor} (${s.email}), odnawia ją automatycznie: nie musisz nic robić.`
      : `Odnowienia zamawia Twój dystrybutor, ${s.distributor} (${s.email}): skontaktuj się z nim, aby usługa działała bez przerwy.`) +
    `\n\nUsługa: ${s.link}`,
  clientOverdueText: (s) =>
    `Opłacony okres Twojej usługi ${s.service} skończył się ${s.paidUntil}. Jeśli nie zostanie odnowiona, ${s.suspendOn} zostanie zawieszona.\n\n` +
    `Odnowienia zamawia Twój dystrybutor, ${s.distributor} (${s.email}): skontaktuj się z nim.\n\nUsługa: ${s.link}`,
  clientSuspendedText: (s) =>
    `Twoja usługa ${s.service} była opłacona do ${s.paidUntil} i nie została odnowiona, dlatego jest teraz zawieszona.\n\n` +
    `Odnowienia zamawia Twój dystrybutor, ${s.distributor} (${s.email}): skontaktuj się z nim, aby ją przywrócić.\n\nUsługa: ${s.link}`,
  distributorReminderSubject: (s) => `Usługa ${s.service} Twojego klienta ${s.client}: opłacona do ${s.paidUntil}`,
  distributorReminderText: (s) =>
    `Usługa ${s.service} Twojego klienta ${s.client} jest opłacona do ${s.paidUntil} (${plural('pl', s.daysLeft, { one: 'został 1 dzień', other: `zostało ${s.daysLeft} dni` })}). Odnowienie kosztuje ${s.price}.\n\n` +
    (s.autoRenew
      ? 'Automatyczne odnawianie jest włączone: gdy nadejdzie termin, odnowimy usługę z Twojego salda. Upewnij się, że saldo wystarczy.'
      : 'Klient zamawia odnowienia przez Ciebie: odnów usługę dla niego w portalu klienta, aby działała bez przerwy.') +
    `\n\nUsługa: ${s.link}`,
  distributorOverdueSubject: (s) => `Usługa ${s.service} Twojego klienta ${s.client}: opłacony okres się skończył`,
  distributorOverdueText: (s) =>
    `Opłacony okres usługi ${s.service} Twojego klienta ${s.client} skończył się ${s.paidUntil}. Odnów ją dla klienta (${s.price}) do ${s.suspendOn}, inaczej zostanie zawieszona.\n\n` +
    `Odnów dla klienta: ${s.link}`,
  distributorSuspendedSubject: (s) => `Usługa ${s.service} Twojego klienta ${s.client} została zawieszona`,
  distributorSuspendedText: (s) =>
    `Usługa ${s.service} Twojego klienta ${s.client} była opłacona do ${s.paidUntil} i nie została odnowiona, dlatego jest teraz zawieszona.\n\n` +
    `Odnów ją dla klienta (${s.price}), aby ją przywrócić: ${s.link}`,
};

const de: DistributorNotices = {
  clientReminderText: (s) =>
    `Ihr Dienst ${s.service} ist bis ${s.paidUntil} bezahlt (${s.daysLeft === 1 ? 'noch 1 Tag' : `noch ${s.daysLeft} Tage`}).\n\n` +
    (s.autoRenew
      ? `Ihr Distributor, ${s.distributor} (${s.email}), verlängert ihn automatisch: Sie müssen nichts tun.`
      : `Ihr Distributor, ${s.distributor} (${s.email}), bestellt die Verlängerungen: Bitte wenden Sie sich an ihn, damit der Dienst weiterläuft.`) +
    `\n\nDer Dienst: ${s.link}`,
  clientOverdueText: (s) =>
    `Der bezahlte Zeitraum Ihres Dienstes ${s.service} endete am ${s.paidUntil}. Wird er nicht verlängert, wird er am ${s.suspendOn} gesperrt.\n\n` +
    `Ihr Distributor, ${s.distributor} (${s.email}), bestellt die Verlängerungen: Bitte wenden Sie sich an ihn.\n\nDer Dienst: ${s.link}`,
  clientSuspendedText: (s) =>
    `Ihr Dienst ${s.service} war bis ${s.paidUntil} bezahlt und wurde nicht verlängert. Er ist daher jetzt gesperrt.\n\n` +
    `Ihr Distributor, ${s.distributor} (${s.email}), bestellt die Verlängerungen: Bitte wenden Sie sich an ihn, um ihn wiederherzustellen.\n\nDer Dienst: ${s.link}`,
  distributorReminderSubject: (s) => `${s.service} Ihres Kunden ${s.client}: bezahlt bis ${s.paidUntil}`,
  distributorReminderText: (s) =>
    `${s.service} Ihres Kunden ${s.client} ist bis ${s.paidUntil} bezahlt (${s.daysLeft === 1 ? 'noch 1 Tag' : `noch ${s.daysLeft} Tage`}). Eine Verlängerung kostet ${s.price}.\n\n` +
    (s.autoRenew
      ? 'Die automatische Verlängerung ist aktiv: Wir verlängern ihn bei Fälligkeit aus Ihrem Guthaben. Bitte sorgen Sie für ausreichendes Guthaben.'
      : 'Ihr Kunde bestellt die Verlängerungen über Sie: Verlängern Sie ihn für ihn im Kundenportal, damit er ohne Unterbrechung weiterläuft.') +
    `\n\nDer Dienst: ${s.link}`,
  distributorOverdueSubject: (s) => `${s.service} Ihres Kunden ${s.client}: Der bezahlte Zeitraum ist abgelaufen`,
  distributorOverdueText: (s) =>
    `Der bezahlte Zeitraum von ${s.service} Ihres Kunden ${s.client} endete am ${s.paidUntil}. Bitte verlängern Sie ihn für Ihren Kunden (${s.price}) bis ${s.suspendOn}, sonst wird er gesperrt.\n\n` +
    `Für Ihren Kunden verlängern: ${s.link}`,
  distributorSuspendedSubject: (s) => `${s.service} Ihres Kunden ${s.client} ist gesperrt`,
  distributorSuspendedText: (s) =>
    `${s.service} Ihres Kunden ${s.client} war bis ${s.paidUntil} bezahlt und wurde nicht verlängert. Er ist daher jetzt gesperrt.\n\n` +
    `Verlängern Sie ihn für Ihren Kunden (${s.price}), um ihn wiederherzustellen: ${s.link}`,
};

const fr: DistributorNotices = {
  clientReminderText: (s) =>
    `Votre service ${s.service} est payé jusqu’au ${s.paidUntil} (${s.daysLeft === 1 ? 'il reste 1 jour' : `il reste ${s.daysLeft} jours`}).\n\n` +
    (s.autoRenew
      ? `Votre distributeur, ${s.distributor} (${s.email}), le renouvelle automatiquement : vous n’avez rien à faire.`
      : `Votre distributeur, ${s.distributor} (${s.email}), commande ses renouvellements : contactez-le pour qu’il continue de fonctionner.`) +
    `\n\nLe service : ${s.link}`,
  clientOverdueText: (s) =>
    `La période payée de votre service ${s.service} s’est terminée le ${s.paidUntil}. S’il n’est pas renouvelé, il sera suspendu le ${s.suspendOn}.\n\n` +
    `Votre distributeur, ${s.distributor} (${s.email}), commande ses renouvellements : contactez-le.\n\nLe service : ${s.link}`,
  clientSuspendedText: (s) =>
    `Votre service ${s.service} était payé jusqu’au ${s.paidUntil} et n’a pas été renouvelé : il est maintenant suspendu.\n\n` +
    `Votre distributeur, ${s.distributor} (${s.email}), commande ses renouvellements : contactez-le pour le rétablir.\n\nLe service : ${s.link}`,
  distributorReminderSubject: (s) => `${s.service} de votre client ${s.client} : payé jusqu’au ${s.paidUntil}`,
  distributorReminderText: (s) =>
    `Le ${s.service} de votre client ${s.client} est payé jusqu’au ${s.paidUntil} (${s.daysLeft === 1 ? 'il reste 1 jour' : `il reste ${s.daysLeft} jours`}). Un renouvellement coûte ${s.price}.\n\n` +
    (s.autoRenew
      ? 'Le renouvellement automatique est activé : nous le renouvelons à partir de votre solde à l’échéance. Veillez à ce que votre solde suffise.'
      : 'Votre client commande ses renouvellements par vous : renouvelez-le pour lui dans le portail client pour qu’il continue de fonctionner.') +
    `\n\nLe service : ${s.link}`,
  distributorOverdueSubject: (s) => `${s.service} de votre client ${s.client} : la période payée est terminée`,
  distributorOverdueText: (s) =>
    `La période payée du ${s.service} de votre client ${s.client} s’est terminée le ${s.paidUntil}. Veuillez le renouveler pour lui (${s.price}) avant le ${s.suspendOn}, sinon il sera suspendu.\n\n` +
    `Renouveler pour votre client : ${s.link}`,
  distributorSuspendedSubject: (s) => `${s.service} de votre client ${s.client} est suspendu`,
  distributorSuspendedText: (s) =>
    `Le ${s.service} de votre client ${s.client} était payé jusqu’au ${s.paidUntil} et n’a pas été renouvelé : il est maintenant suspendu.\n\n` +
    `Renouvelez-le pour votre client (${s.price}) pour le rétablir : ${s.link}`,
};

const it: DistributorNotices = {
  clientReminderText: (s) =>
    `Il tuo servizio ${s.service} è pagato fino al ${s.paidUntil} (${s.daysLeft === 1 ? 'manca 1 giorno' : `mancano ${s.daysLeft} giorni`}).\n\n` +
    (s.autoRenew
      ? `Il tuo distributore, ${s.distributor} (${s.email}), lo rinnova automaticamente: non devi fare nulla.`
      : `I rinnovi li ordina il tuo distributore, ${s.distributor} (${s.email}): contattalo perché continui a funzionare.`) +
    `\n\nIl servizio: ${s.link}`,
  clientOverdueText: (s) =>
    `Il periodo pagato del tuo servizio ${s.service} è terminato il ${s.paidUntil}. Se non viene rinnovato, sarà sospeso il ${s.suspendOn}.\n\n` +
    `I rinnovi li ordina il tuo distributore, ${s.distributor} (${s.email}): contattalo.\n\nIl servizio: ${s.link}`,
  clientSuspendedText: (s) =>
    `Il tuo servizio ${s.service} era pagato fino al ${s.paidUntil} e non è stato rinnovato, quindi ora è sospeso.\n\n` +
    `I rinnovi li ordina il tuo distributore, ${s.distributor} (${s.email}): contattalo per ripristinarlo.\n\nIl servizio: ${s.link}`,
  distributorReminderSubject: (s) => `${s.service} del tuo cliente ${s.client}: pagato fino al ${s.paidUntil}`,
  distributorReminderText: (s) =>
    `Il ${s.service} del tuo cliente ${s.client} è pagato fino al ${s.paidUntil} (${s.daysLeft === 1 ? 'manca 1 giorno' : `mancano ${s.daysLeft} giorni`}). Un rinnovo costa ${s.price}.\n\n` +
    (s.autoRenew
      ? 'Il rinnovo automatico è attivo: alla scadenza lo rinnoviamo dal tuo saldo. Assicurati che il saldo sia sufficiente.'
      : 'Il tuo cliente ordina i rinnovi tramite te: rinnovalo per lui nel portale clienti perché continui a funzionare.') +
    `\n\nIl servizio: ${s.link}`,
  distributorOverdueSubject: (s) => `${s.service} del tuo cliente ${s.client}: il periodo pagato è terminato`,
  distributorOverdueText: (s) =>
    `Il periodo pagato del ${s.service} del tuo cliente ${s.client} è terminato il ${s.paidUntil}. Rinnovalo per lui (${s.price}) entro il ${s.suspendOn}, altrimenti sarà sospeso.\n\n` +
    `Rinnova per il tuo cliente: ${s.link}`,
  distributorSuspendedSubject: (s) => `${s.service} del tuo cliente ${s.client} è sospeso`,
  distributorSuspendedText: (s) =>
    `Il ${s.service} del tuo cliente ${s.client} era pagato fino al ${s.paidUntil} e non è stato rinnovato, quindi ora è sospeso.\n\n` +
    `Rinnovalo per il tuo cliente (${s.price}) per ripristinarlo: ${s.link}`,
};

const notices: Record<Locale, DistributorNotices> = { en, pl, de, fr, it };

export function distributorNotices(locale: Locale): DistributorNotices {
  return notices[locale];
}
