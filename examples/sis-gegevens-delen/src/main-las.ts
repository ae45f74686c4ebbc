import { LAS_SCHOOL, serveLasBron } from './las-bron';

// Run `npm start` at the repository root first (its authorization server issues the tokens), then:
// npm run start:las -w @eduvkit/example-sis-gegevens-delen
const DEFAULT_LAS_PORT = 4030;
const issuer = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const las = await serveLasBron({ issuer, port: Number(process.env.PORT ?? DEFAULT_LAS_PORT) });
console.log(`LAS Students bron: ${las.url}/students-api/v1/students/school?orgMasterId=${LAS_SCHOOL.orgMasterId} (tokens from ${issuer})`);
