import { loadConfig, ConfigError } from './config/config';
import { createApp } from './app.factory';
import { operatorSentence } from './start-checks';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const base = url.replace('[::1]', 'localhost');
  console.log(`Main courante est prêt : ${base}/ (API : ${base}/api/docs ; données : ${config.dataDir})`);
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    const sentence = operatorSentence(error);
    if (error instanceof ConfigError) {
      console.error(`Configuration invalide : ${error.message}`);
    } else if (sentence) {
      console.error(sentence.fr);
    } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      console.error('Le port est déjà utilisé : choisissez-en un autre avec PORT=…');
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}
