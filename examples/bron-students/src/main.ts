import { serveBron } from './bron-server';

const DEFAULT_PORT = 4020;
const server = await serveBron(Number(process.env.PORT ?? DEFAULT_PORT));
console.log(`Students bron on ${server.url}/students-api/v1/students/school?orgMasterId=123A456`);
