import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../../src/guard/index.js';
import { kazakh } from '../../../../src/guard/lexicon/languages/kk.js';

const guard = createGuard();
const reasonOf = (text: string) => guard.check([{ role: 'user', content: text }], 'input').reasons[0]?.reason;

describe('the Kazakh lexicon', () => {
  it.each([
    ['crisis', 'Өзімді өлтіргім келеді'],
    ['crisis', 'Өмір сүргім келмейді'],
    ['crisis', 'Бұл менің соңғы күнім, бәріңізбен қоштасамын'],
    ['crisis', 'Көпірден секіремін'],
    ['crisis', 'Қолымды тіліп алдым'],
    ['crisis', 'Күйеуім мені ұрады'],
    ['explicit_request', 'Оператормен сөйлескім келеді'],
    ['explicit_request', 'Маған оператор керек'],
    ['explicit_request', 'Тірі адам бар ма?'],
    ['explicit_request', 'Қолдау қызметінің нөмірі қандай?'],
    ['high_stakes', 'Картамнан екі рет ақша алынды'],
    ['high_stakes', 'Аккаунтымды біржола өшіргім келеді'],
    ['high_stakes', 'Сотқа беремін'],
  ])('reads %s in %j', (reason, text) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it.each([
    'Аккаунтқа тағы бір адамды қалай қосуға болады?',
    'Жаңа коллекцияны көргім келіп өліп барамын',
    'Оператор роуминг үшін қанша ақы алады?',
    'Оператормен сөйлескім келмейді, бағасын айтыңыз',
    'Өлшемді ауыстырғым келеді',
  ])('keeps %j', (text) => {
    expect(reasonOf(text)).toBeUndefined();
  });

  it('answers a crisis in Kazakh', () => {
    const decision = guard.check([{ role: 'user', content: 'Өлгім келеді' }], 'input');
    expect(decision.userMessage).toBe(kazakh.crisisMessage);
  });
});
