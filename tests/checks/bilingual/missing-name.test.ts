import { missingName } from '../../../src/checks/bilingual/missing-name.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(missingName, {
  flag: [
    ['The minister met his counterpart in the capital.', 'Le ministre a rencontré son homologue Sigrid Kaag à La Haye.', ['The minister met his counterpart in the capital.']],
    ['States - States and Canada signed the deal.', 'Les États-Unis et le Canada ont signé l\'accord.', ['States - States and Canada signed the deal.']],
    ['The agency said the plant was safe.', 'L\'AIEA a déclaré que la centrale était sûre.', ['The agency said the plant was safe.']]
  ],
  pass: [
    ['The minister met his counterpart Sigrid Kaag in The Hague.', 'Le ministre a rencontré son homologue Sigrid Kaag à La Haye.'],
    ['The White House denied the report.', 'La Maison-Blanche a démenti l\'information.'],
    ['The US and Canada signed the deal.', 'Les États-Unis et le Canada ont signé l\'accord.'],
    ['The IAEA said the plant was safe.', 'L\'AIEA a déclaré que la centrale était sûre.'],
    ['NATO troops stayed in Quebec.', 'Les troupes de l\'OTAN sont restées au Québec.'],
    ['Serbs and Croats voted on Sunday.', 'Les Serbes et les Croates ont voté dimanche.'],
    ['Iraqis queued to vote.', 'Les Irakiens ont fait la queue pour voter.'],
    ['The Treaty of Lisbon changed little.', 'Le Traité de Lisbonne a peu changé les choses.'],
    ['The EU budget was adopted.', 'Le budget de l\'Union européenne a été adopté.'],
    ['The bank raised rates in the 21st century.', 'La banque a relevé ses taux au XXIe siècle.'],
    ['Farmers are angry.', 'Les Agriculteurs En Colère'],
    ['He spoke to the mayor.', 'Il a parlé au maire.']
  ]
});
