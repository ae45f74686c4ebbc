import { createBronServer } from './bron-server';

const DEFAULT_PORT = 4020;
const port = Number(process.env.PORT ?? DEFAULT_PORT);
createBronServer().listen(port, '127.0.0.1', () => {
  console.log(`Students bron on http://127.0.0.1:${port}/students-api/v1/students/school?orgMasterId=123A456`);
});
