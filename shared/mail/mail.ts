// One e-mail as Atrium's use cases write it.

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
