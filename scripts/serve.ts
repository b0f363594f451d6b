// `npm start`: serves the built dashboard on localhost until Ctrl+C.
import { startStaticServer } from './static-server';

const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer('build', port);
console.log(`Resonance is running at ${server.url.replace('127.0.0.1', 'localhost')}/ — open it in a browser (Ctrl+C stops it).`);
