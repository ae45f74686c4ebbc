import { createBronServer } from './bron-server';

const port = Number(process.env.PORT ?? 4020);
createBronServer().listen(port, '127.0.0.1', () => {
  console.log(`Students bron on http://127.0.0.1:${port}/students-api/v1/students/school?orgMasterId=123A456`);
});
