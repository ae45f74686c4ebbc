import { serveBron } from './bron-server';

const server = await serveBron(Number(process.env.PORT ?? 4020));
console.log(`Students bron on ${server.url}/students-api/v1/students/school?orgMasterId=123A456`);
