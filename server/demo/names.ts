// A realistic, diverse UK name corpus for demo content and the 100k-profile generator.
// Accents are kept on purpose: search must fold them (Siân = Sian), so the data has to contain them.
// Deterministic: every helper takes a seeded PRNG so the same seed gives the same people.

export type Rng = () => number;

/** Small, fast, seedable PRNG (public domain, by Tommy Ettinger). Returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

const words = (s: string): string[] => s.trim().split(/\s+/);

// First names by heritage. Common names appear first in each list; pickers weight the head of the list.
const FIRST = {
  english: words(`
    Jane John Sarah James Emma David Claire Michael Rachel Paul Helen Mark Laura Richard Karen Peter Lucy
    Andrew Louise Stephen Emily Thomas Hannah Daniel Charlotte Matthew Sophie Christopher Amy Robert Jessica
    Simon Rebecca Jonathan Katie Oliver Olivia George Amelia Harry Isla Jack Ava William Grace Joseph Ella
    Samuel Lily Benjamin Chloe Edward Poppy Alexander Freya Henry Alice Charlie Evie Alfie Florence Freddie
    Mia Archie Ruby Theo Millie Leo Phoebe Oscar Holly Toby Abigail Jacob Eleanor Luke Bethany Adam Jennifer
    Nicola Gary Tracey Dean Joanne Lee Kelly Wayne Donna Carl Gemma Craig Natalie Stuart Victoria Ian Zoë
    Chloé Anne Margaret Susan Elizabeth Patricia Linda Julie Deborah Alison Gillian Jacqueline Kathryn
    Philip Martin Keith Neil Graham Trevor Barry Colin Roger Nigel Geoffrey Malcolm Brian Kevin Tony Jon
    Jonny Rob Becky Beth Kate Katy Jo Sam Alex Chris Jess Ellie Maisie Darcey Harriet Imogen Rosie Esme
  `),
  scottish: words(`
    Fiona Alasdair Callum Eilidh Ewan Morag Hamish Iona Kirsty Lachlan Mhairi Ailsa Catriona Fraser Innes
    Isla Kenneth Murdo Rory Shona Struan Euan Ishbel Donald Morven Calum Mairi Gregor Douglas Elspeth
  `),
  welsh: words(`
    Siân Rhys Gwen Dafydd Cerys Owain Bethan Gareth Angharad Ieuan Nia Llinos Emyr Rhiannon Huw Ffion
    Gethin Carys Dylan Eleri Aled Seren Geraint Lowri Iwan Sioned Rhodri Mared Tomos Elin Cai Branwen
  `),
  irish: words(`
    Siobhán Niamh Aoife Ciarán Seán Orla Eoin Sinéad Cillian Róisín Pádraig Caoimhe Declan Aisling Conor
    Saoirse Oisín Clodagh Darragh Gráinne Fionn Ailbhe Colm Bríd Cathal Máire Dónal Éabha Séamus Deirdre
  `),
  southAsian: words(`
    Mohammed Muhammad Mohamed Ahmed Ali Hassan Hussain Imran Asif Tariq Bilal Usman Zain Ayaan Arjun Rohan
    Priya Anjali Sunita Neha Pooja Kavita Deepa Meera Simran Harpreet Gurpreet Manpreet Jaspreet Amrit
    Rajesh Sanjay Vikram Anil Suresh Ravi Amit Nikhil Aisha Ayesha Fatima Zainab Amina Nadia Samina Shazia
    Farah Sana Rukhsana Nasreen Shabana Rani Lakshmi Divya Shreya Ishaan Aarav Dev Jasvinder Kuldip Baljit
    Nusrat Rahima Shamim Abdul Rahman Jamal Faisal Kamran Saima Tahmina Rubina Sultana Nazia Rizwan
  `),
  polish: words(`
    Zofia Katarzyna Agnieszka Małgorzata Joanna Magdalena Anna Ewa Krzysztof Piotr Tomasz Paweł Michał
    Łukasz Marcin Jakub Wojciech Grzegorz Kasia Aleksandra Dorota Bożena Jadwiga Maciej Bartosz Mateusz
  `),
  westAfrican: words(`
    Chinedu Chiamaka Adebayo Oluwaseun Ngozi Emeka Folasade Kwame Kofi Ama Akosua Yaw Abena Kwabena Adwoa
    Olumide Tunde Funmilayo Temitope Ifeoma Obinna Chidi Nkechi Uchenna Babajide Yetunde Kehinde Taiwo
    Efua Kojo Esi Nana Ayodele Bukola Damilola Oluwatobi Chukwuemeka Amara Zara Ebere
  `),
  caribbean: words(`
    Marcia Delroy Winston Beverley Leroy Claudette Errol Hyacinth Desmond Sonia Everton Paulette Clive
    Jermaine Tyrone Shanice Kadeem Jalisa Andre Keisha Junior Marlene Lloyd Yvonne Trevor Denise Shaniqua
  `),
  chinese: words(`
    Wei Li Mei Jing Xin Hui Ying Jun Lei Hao Ming Yan Xiaoling Chun Lan Zhen Qing Bo Tao Fang Kai Ling
  `),
  vietnamese: words(`
    Linh Minh Anh Huong Thanh Trang Duc Hoa Phuong Tuan Quang Lan Hieu Thuy Nam Khanh Ngọc Thảo Đức Hùng
  `),
  arabic: words(`
    Omar Yusuf Khalid Layla Mariam Noor Hamza Ibrahim Samira Rania Karim Yasmin Tariq Amira Salma Nabil
    Hana Rashid Leila Zayd Dalia Malik Jamila Sami Huda Walid Lina
  `),
  somali: words(`
    Abdi Abdirahman Hodan Farhiya Ayan Hibaaq Mahad Sahra Nasra Liban Ismail Warsame Ubah Filsan Guled
    Deqa Ilhan Abdullahi Muna Hawa Faduma Khadra
  `),
  turkish: words(`
    Mehmet Ayşe Emre Elif Mustafa Zeynep Murat Fatma Hakan Özlem Can Deniz Burak Gül Serkan Şule Cem Ebru
  `),
  greek: words(`
    Georgios Eleni Nikos Maria Dimitris Sofia Kostas Katerina Yiannis Christina Andreas Despina Panos Ioanna
  `),
  portuguese: words(`
    João Ana Luís Inês Tiago Beatriz Rui Mariana Pedro Catarina Gonçalo Sofía Joaquim Raquel Filipe Leonor
  `),
  other: words(`
    Ioana Andrei Mihai Elena Gabriela Daniela Aurelia Vasile Lukas Jonas Ieva Rūta Tomas Giulia Marco Luca
    Francesca Ahmet Olena Oksana Dmytro Svetlana Natalia Miguel Lucía Javier Carmen Pablo Chantelle Kerry
  `),
} as const;

const SURNAME = {
  english: words(`
    Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White
    Roberts Green Hall Wood Jackson Clarke Clark Hughes Edwards Turner Hill Moore Cooper Harris Ward Martin
    King Lee Baker Harrison Morris Lewis Allen Young Scott Mitchell Watson Phillips Parker Bennett Carter
    Shaw Collins Cook Bailey Bell Richardson Cox Adams Chapman Marshall Webb Simpson Ellis Holmes Lloyd
    Mason Rogers Stevens Butler Russell Barker Fisher Dixon Hunt Palmer Grant Knight Pearson Mills Barnes
    Gibson Fletcher Harvey Holt Lawrence Spencer Atkinson Hart Payne Burton Dawson Fox Chambers Foster
    Howard Porter Kelly Griffiths Matthews Pritchard Heath Ashworth Whitehead Greenwood Sutcliffe Brookes
    Smyth Smithson Haworth Ainsworth Beckett Bradshaw Crossley Duckworth Entwistle Fairclough Hargreaves
  `),
  scottish: words(`
    Campbell Stewart MacDonald McDonald Robertson Murray Reid Ross Paterson Fraser Cameron Henderson
    Mackenzie MacLeod Sutherland Munro Drummond Buchanan Kerr Ferguson Gillespie McIntyre Lindsay Urquhart
  `),
  welsh: words(`
    Llewellyn Pugh Price Powell Vaughan Rees Bowen Morgan Griffith Parry Prosser Jenkins Howells Meredith
  `),
  irish: words(`
    O'Neill O'Brien O'Connor O'Sullivan Murphy Byrne Ryan Doyle Kennedy Gallagher Quinn Kavanagh Ó Briain
    McCarthy Brennan Flanagan Fitzgerald Nolan Daly Walsh Connolly Ní Bhriain Maguire O'Donnell O'Reilly
    Ó Súilleabháin McLaughlin Donnelly Keane Power Dunne
  `),
  southAsian: words(`
    Patel Khan Begum Ahmed Ali Hussain Shah Singh Kaur Sharma Gupta Kumar Iqbal Akhtar Rahman Chowdhury
    Mahmood Bibi Malik Anwar Aslam Hossain Islam Miah Uddin Choudhury Mistry Desai Joshi Mehta Rana Sandhu
    Gill Dhillon Bains Sidhu Chauhan Bhatt Pillai Nair Reddy Rao Iyer Siddiqui Qureshi Butt Raja Javed
  `),
  polish: words(`
    Kowalski Kowalska Nowak Wiśniewski Wiśniewska Wójcik Kamiński Kamińska Lewandowski Lewandowska
    Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk Grabowski Pawłowski
  `),
  westAfrican: words(`
    Okafor Adeyemi Mensah Okoro Oyelaran Boateng Asante Owusu Nwosu Adebayo Ogunleye Eze Obi Chukwu
    Okonkwo Adeleke Balogun Danso Osei Appiah Agyeman Nwachukwu Afolabi Olawale Oduya Okeke Ibekwe
  `),
  caribbean: words(`
    Campbell Francis Gordon Grant Reid Bailey Henry Brown Thomas Samuels Beckford Clarke Forbes McKenzie
    Gayle Morrison Blake Bryan Williams Richards Ferguson Edwards Pinnock Lindo Rowe
  `),
  chinese: words(`Li Chen Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Lin Wong Chan Cheung Leung Lam Ng Ho Tang`),
  vietnamese: words(`Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý`),
  arabic: words(`Haddad Saleh Hamdan Mansour Nasser Khalil Aziz Yousef Farouk Al-Masri Al-Sayed Abdullah Karimi Hakim`),
  somali: words(`Mohamud Abdi Farah Warsame Hirsi Osman Aden Jama Hassan Egal Nur Dualeh Ismail Yusuf`),
  turkish: words(`Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Kılıç Aslan Çetin Kurt Özdemir`),
  greek: words(`Papadopoulos Georgiou Christodoulou Nikolaou Konstantinou Ioannou Antoniou Demetriou Charalambous`),
  portuguese: words(`Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Gonçalves Gomes Lopes Marques Conceição`),
  other: words(`
    Popescu Ionescu Kazlauskas Petrauskas Berzins Rossi Russo Esposito García Fernández López Müller Schmidt
    Kovalenko Shevchenko Horváth Novák Dvořák Lindqvist Jansen De Souza Van der Berg
  `),
} as const;

// How much of the UK each heritage group makes up in the generated data (rough, not census-accurate).
const WEIGHTS: Record<keyof typeof FIRST, number> = {
  english: 40,
  scottish: 6,
  welsh: 5,
  irish: 6,
  southAsian: 12,
  polish: 4,
  westAfrican: 6,
  caribbean: 4,
  chinese: 3,
  vietnamese: 1.5,
  arabic: 3,
  somali: 2,
  turkish: 2,
  greek: 1.5,
  portuguese: 2,
  other: 3,
};

// "Ó Briain", "Ní Bhriain", "Van der Berg", "De Souza" were split by words(); join them back.
function joinParticles(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    if (w === 'Van' && list[i + 1] === 'der') {
      out.push(`Van der ${list[i + 2]}`);
      i += 2;
    } else if (['Ó', 'Ní', 'De'].includes(w)) {
      out.push(`${w} ${list[i + 1]}`);
      i += 1;
    } else out.push(w);
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

const GROUPS = Object.keys(FIRST) as (keyof typeof FIRST)[];
const FIRST_BY_GROUP = Object.fromEntries(GROUPS.map((g) => [g, uniq([...FIRST[g]])])) as Record<string, string[]>;
const SURNAME_BY_GROUP = Object.fromEntries(GROUPS.map((g) => [g, uniq(joinParticles(SURNAME[g]))])) as Record<string, string[]>;

/** Every first name and surname in the corpus (deduplicated across heritages). */
export const FIRST_NAMES: readonly string[] = uniq(GROUPS.flatMap((g) => FIRST_BY_GROUP[g]!));
export const SURNAMES: readonly string[] = uniq(GROUPS.flatMap((g) => SURNAME_BY_GROUP[g]!));

const TOTAL_WEIGHT = GROUPS.reduce((s, g) => s + WEIGHTS[g], 0);

function pickGroup(rng: Rng): string {
  let r = rng() * TOTAL_WEIGHT;
  for (const g of GROUPS) {
    r -= WEIGHTS[g];
    if (r < 0) return g;
  }
  return 'english';
}

/** Skewed pick: the head of a list (common names) comes up more often than the tail. */
function pickSkewed(rng: Rng, list: readonly string[]): string {
  return list[Math.floor(rng() ** 1.6 * list.length)]!;
}

/**
 * One plausible name: usually first + surname from the same heritage, sometimes mixed (as in real
 * families), sometimes a double-barrelled surname ("Smith-Jones") or a middle-initial-free two-part name.
 */
export function randomName(rng: Rng): string {
  const g = pickGroup(rng);
  const first = pickSkewed(rng, rng() < 0.85 ? FIRST_BY_GROUP[g]! : FIRST_BY_GROUP[pickGroup(rng)]!);
  let surname = pickSkewed(rng, rng() < 0.85 ? SURNAME_BY_GROUP[g]! : SURNAME_BY_GROUP[pickGroup(rng)]!);
  if (rng() < 0.05 && !surname.includes(' ')) {
    const other = pickSkewed(rng, SURNAME_BY_GROUP[pickGroup(rng)]!);
    if (other !== surname && !other.includes(' ') && !other.includes('-')) surname = `${surname}-${other}`;
  }
  return `${first} ${surname}`;
}

/** n different names (distinct as written). Throws if n is beyond what the corpus can plausibly give. */
export function distinctNames(n: number, rng: Rng): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const limit = n * 50 + 1000;
  for (let tries = 0; out.length < n; tries++) {
    if (tries > limit) throw new Error(`distinctNames: could not find ${n} distinct names`);
    const name = randomName(rng);
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}
