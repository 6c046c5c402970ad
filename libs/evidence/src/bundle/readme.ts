import { ATTACHMENTS_DIR, DOSSIER_FILE, EVENTS_FILE, type BundleManifest } from './bundle-format';

/**
 * The commands of spec section 4 as LISEZMOI.txt prints them, to be typed in the folder where
 * the archive was unzipped. Tests run these very strings.
 */
export const VERIFY_COMMANDS = {
  unzip: 'unzip paquet.zip -d paquet',
  enter: 'cd paquet',
  signature: 'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig',
  fingerprint: 'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum',
  listHashes: (withAttachments: boolean): string => `sha256sum ${EVENTS_FILE} ${DOSSIER_FILE}${withAttachments ? ` ${ATTACHMENTS_DIR}*` : ''}`,
  // Turns each `"path": "<sha256>"` line of manifest.json whose path has a dot or a slash (the
  // entries of "files"; headHash and publicKeySha256 have neither) into sha256sum's check format.
  checkHashes: `sed -n 's/^ *"\\([^"]*[./][^"]*\\)": "\\([0-9a-f]\\{64\\}\\)",\\{0,1\\}$/\\2  \\1/p' manifest.json | sha256sum -c -`,
  verify: (fingerprint: string): string => `main-courante verify paquet.zip --fingerprint ${fingerprint}`,
} as const;

const PUBLISHED = { fr: '<empreinte_publiée>', en: '<published_fingerprint>' };

export interface ReadmeInput {
  manifest: BundleManifest;
  /** IANA zone in which dates are also shown beside UTC. */
  timeZone: string;
}

/** LISEZMOI.txt: French, then English. Written for a lawyer or a court expert, not an engineer. */
export function renderReadme({ manifest, timeZone }: ReadmeInput): string {
  const withAttachments = Object.keys(manifest.files).some((path) => path.startsWith(ATTACHMENTS_DIR));
  const c = VERIFY_COMMANDS;
  const fp = manifest.publicKeySha256;
  const when = (iso: string, locale: string) =>
    `${iso} (${new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'long' }).format(new Date(iso))})`;
  const cmd = (line: string) => `    ${line}`;

  const french = [
    'PAQUET DE PREUVES MAIN COURANTE — COMMENT LE VÉRIFIER',
    '',
    `Dossier :                        ${manifest.caseId}`,
    `Contenu du journal à la date du : ${when(manifest.asOf, 'fr-FR')}`,
    `Nombre d'inscriptions :          ${manifest.eventCount}`,
    `Empreinte de la dernière :       ${manifest.headHash}`,
    `Paquet produit le :              ${when(manifest.generatedAt, 'fr-FR')}`,
    `                      par :      ${manifest.generatedBy.username} (${manifest.generatedBy.role})`,
    `Empreinte de la clé signataire : ${fp}`,
    '',
    'Ce paquet contient :',
    '  manifest.json   la liste des fichiers du paquet, chacun avec son empreinte (SHA-256)',
    '  manifest.sig    la signature électronique du journal sur manifest.json',
    '  public-key.pem  la clé publique qui permet de contrôler cette signature',
    "  events.jsonl    toutes les inscriptions du dossier jusqu'à la date ci-dessus, une par ligne",
    '  dossier.pdf     le même dossier, mis en page pour la lecture',
    "  attachments/    les pièces jointes, s'il y en a, chacune nommée d'après son empreinte",
    "  LISEZMOI.txt    ce mode d'emploi (il n'est pas signé : ne vous fiez qu'aux contrôles)",
    '',
    "Une empreinte SHA-256 est un nombre de 64 caractères calculé à partir du contenu d'un fichier :",
    "si un seul caractère du fichier change, l'empreinte change complètement. Chaque inscription",
    "du journal contient l'empreinte de la précédente : on ne peut ni en modifier ni en retirer une",
    'sans que cela se voie. La signature prouve que la liste des fichiers et de leurs empreintes a',
    "été établie par le détenteur de la clé, et n'a pas changé depuis ; le contrôle 5 établit que",
    'cette clé est celle du journal.',
    '',
    "Les contrôles 1, 2 et 5 n'ont besoin d'aucun logiciel de Main courante, seulement de trois",
    'outils libres répandus, unzip, sha256sum et openssl (version 3), à taper dans un terminal.',
    'Un informaticien ou un expert peut les faire devant vous ; ils ne modifient rien. Sous',
    'Windows, ces outils sont fournis par exemple avec Git for Windows (« Git Bash ») ; sous macOS,',
    'remplacez sha256sum par « shasum -a 256 ». Remplacez « paquet.zip » par le nom du fichier reçu.',
    '',
    "Préparation : décompresser le paquet dans un nouveau dossier et s'y placer :",
    cmd(c.unzip),
    cmd(c.enter),
    '',
    '1. Contrôler la signature. La réponse doit être « Signature Verified Successfully » :',
    cmd(c.signature),
    "   Si manifest.json a été modifié, même d'un seul caractère, la réponse est",
    '   « Signature Verification Failure ».',
    '',
    '2. Contrôler les fichiers. Chaque fichier listé sous "files" dans manifest.json doit avoir',
    "   exactement l'empreinte indiquée. Cette commande affiche les empreintes, à comparer une à une :",
    cmd(c.listHashes(withAttachments)),
    '   Cette autre commande fait la comparaison et doit répondre « OK » pour chaque fichier :',
    cmd(c.checkHashes),
    '   Le paquet ne doit contenir aucun autre fichier que ceux de la liste, manifest.json,',
    '   manifest.sig, public-key.pem et LISEZMOI.txt (la commande « unzip -l paquet.zip » les liste).',
    '',
    '3. et 4. Contrôler la chaîne des inscriptions et les pièces jointes. Le logiciel Main courante',
    '   le fait en une commande, qui refait aussi les contrôles 1, 2 et 5 :',
    cmd(c.verify(PUBLISHED.fr)),
    "   Pour chaque ligne de events.jsonl, elle recalcule l'empreinte de l'inscription (SHA-256 de",
    '   sa forme canonique JSON, RFC 8785, sans le champ "hash") et vérifie qu\'elle est égale au champ',
    '   "hash" ; que le champ "prevHash" est l\'empreinte de la ligne précédente ; que les numéros',
    '   "revision" se suivent de 0 à headRevision sans manque ; que la dernière empreinte est le',
    '   "headHash" de manifest.json ; puis que chaque pièce jointe citée (inscription',
    '   EvidenceAttached) est présente dans attachments/. Un expert peut refaire ce calcul avec tout',
    '   outil conforme à la RFC 8785 : la méthode est publiée dans la spécification du format',
    '   main-courante-bundle/1.',
    '',
    "5. Contrôler que la clé est bien celle du journal. Cette commande affiche l'empreinte de la clé :",
    cmd(c.fingerprint),
    '   Elle doit être identique à celle que publie le service Main courante (adresse',
    '   /api/v1/integrity/public-key) ou à celle imprimée dans un dossier reçu auparavant par une',
    '   autre voie. Celle de ce paquet est :',
    `   ${fp}`,
    "   Ce contrôle est indispensable : n'importe qui peut signer avec sa propre clé ; une signature",
    "   correcte ne prouve l'origine du paquet que si la clé est celle du journal.",
    '',
    'Ce que prouve un paquet qui passe ces contrôles : le journal contenait exactement ces',
    'inscriptions, dans cet ordre, à la date indiquée, et les pièces jointes sont les fichiers',
    'enregistrés. Une inscription corrigée ou retirée reste visible, avec sa correction.',
  ];

  const english = [
    'MAIN COURANTE EVIDENCE BUNDLE — HOW TO VERIFY IT',
    '',
    `Case:                        ${manifest.caseId}`,
    `Journal content as of:       ${when(manifest.asOf, 'en-GB')}`,
    `Number of entries:           ${manifest.eventCount}`,
    `Hash of the last entry:      ${manifest.headHash}`,
    `Bundle produced on:          ${when(manifest.generatedAt, 'en-GB')}`,
    `                 by:         ${manifest.generatedBy.username} (${manifest.generatedBy.role})`,
    `Fingerprint of signing key:  ${fp}`,
    '',
    'Contents: manifest.json (the list of files with their SHA-256 hashes), manifest.sig (the',
    "journal's signature of manifest.json), public-key.pem (the key to check that signature),",
    'events.jsonl (every entry of the case up to the date above, one per line), dossier.pdf (the',
    'same case laid out for reading), attachments/ (the attached files if any, each named after',
    'its hash), LISEZMOI.txt (these instructions; not signed, rely on the checks only).',
    '',
    "A SHA-256 hash is a 64-character number computed from a file's content: change one character",
    'and the hash changes entirely. Each journal entry contains the hash of the previous one, so no',
    'entry can be altered or removed unnoticed. The signature proves that the list of files and',
    "hashes was made by the key's holder and has not changed since; check 5 establishes that the",
    "key is the journal's.",
    '',
    'Checks 1, 2 and 5 need no Main courante software, only three common free tools, unzip,',
    'sha256sum and openssl (version 3), typed in a terminal. They change nothing. On Windows these',
    'tools come for instance with Git for Windows ("Git Bash"); on macOS use "shasum -a 256" for',
    'sha256sum. Replace "paquet.zip" with the name of the file you received.',
    '',
    'Preparation: unzip the bundle into a new folder and go there:',
    cmd(c.unzip),
    cmd(c.enter),
    '',
    '1. Check the signature. The answer must be "Signature Verified Successfully":',
    cmd(c.signature),
    '',
    '2. Check the files. Every file listed under "files" in manifest.json must have exactly the',
    '   hash given there. This command prints the hashes, to compare one by one:',
    cmd(c.listHashes(withAttachments)),
    '   This one compares them and must answer "OK" for every file:',
    cmd(c.checkHashes),
    '   The bundle must hold no other file than those listed, manifest.json, manifest.sig,',
    '   public-key.pem and LISEZMOI.txt ("unzip -l paquet.zip" lists them).',
    '',
    '3. and 4. Check the chain of entries and the attachments. The Main courante software does it',
    '   in one command, which also repeats checks 1, 2 and 5:',
    cmd(c.verify(PUBLISHED.en)),
    "   For each line of events.jsonl it recomputes the entry's hash (SHA-256 of its RFC 8785",
    '   canonical JSON form without the "hash" member) and checks it equals "hash"; that "prevHash"',
    '   is the hash of the line before; that "revision" runs from 0 to headRevision without a gap;',
    '   that the last hash is manifest.json\'s "headHash"; then that every attached file cited',
    '   (EvidenceAttached entries) is in attachments/. An expert can redo this with any RFC 8785',
    '   implementation: the method is published in the main-courante-bundle/1 format specification.',
    '',
    "5. Check that the key is the journal's. This command prints the key's fingerprint:",
    cmd(c.fingerprint),
    '   It must equal the one the Main courante service publishes (/api/v1/integrity/public-key)',
    "   or the one printed in a dossier received earlier by another channel. This bundle's is:",
    `   ${fp}`,
    '   This check is essential: anyone can sign with their own key.',
  ];

  return [...french, '', '-'.repeat(72), '', ...english, ''].join('\n');
}
