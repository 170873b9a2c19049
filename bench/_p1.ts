import { parseIos } from '../server/src/languages/cisco-ios/parser';
import { genIos } from './gen';
const text = genIos(100_000);
for (let i = 0; i < 12; i++) parseIos(text + '\n!' + i);
