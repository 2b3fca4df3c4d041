// Welsh names of places. The 22 Welsh councils' own Welsh names (as each council uses them) are
// shown on Welsh pages and accepted as area variants in either language (server/areas/seed.ts).
// Nations and English regions follow the ONS's Welsh-language names.
import type { Lang } from './index.ts';

/** The Welsh councils' Welsh names, by ONS code (db/areas.csv). */
export const WELSH_AREA_NAMES: Record<string, { en: string; cy: string; variants?: string[] }> = {
  W06000001: { en: 'Isle of Anglesey', cy: 'Ynys Môn' },
  W06000002: { en: 'Gwynedd', cy: 'Gwynedd' },
  W06000003: { en: 'Conwy', cy: 'Conwy' },
  W06000004: { en: 'Denbighshire', cy: 'Sir Ddinbych' },
  W06000005: { en: 'Flintshire', cy: 'Sir y Fflint' },
  W06000006: { en: 'Wrexham', cy: 'Wrecsam' },
  W06000008: { en: 'Ceredigion', cy: 'Ceredigion' },
  W06000009: { en: 'Pembrokeshire', cy: 'Sir Benfro' },
  W06000010: { en: 'Carmarthenshire', cy: 'Sir Gâr', variants: ['Sir Gaerfyrddin'] },
  W06000011: { en: 'Swansea', cy: 'Abertawe' },
  W06000012: { en: 'Neath Port Talbot', cy: 'Castell-nedd Port Talbot' },
  W06000013: { en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' },
  W06000014: { en: 'Vale of Glamorgan', cy: 'Bro Morgannwg' },
  W06000015: { en: 'Cardiff', cy: 'Caerdydd' },
  W06000016: { en: 'Rhondda Cynon Taf', cy: 'Rhondda Cynon Taf' },
  W06000018: { en: 'Caerphilly', cy: 'Caerffili' },
  W06000019: { en: 'Blaenau Gwent', cy: 'Blaenau Gwent' },
  W06000020: { en: 'Torfaen', cy: 'Torfaen' },
  W06000021: { en: 'Monmouthshire', cy: 'Sir Fynwy' },
  W06000022: { en: 'Newport', cy: 'Casnewydd' },
  W06000023: { en: 'Powys', cy: 'Powys' },
  W06000024: { en: 'Merthyr Tydfil', cy: 'Merthyr Tudful' },
};

/** Every Welsh name (and older spelling) an area is known by, by ONS code: search and the form accept them. */
export function welshVariants(onsCode: string): string[] {
  const w = WELSH_AREA_NAMES[onsCode];
  return w ? [w.cy, ...(w.variants ?? [])] : [];
}

const NATIONS_CY: Record<string, string> = {
  England: 'Lloegr',
  Scotland: 'Yr Alban',
  Wales: 'Cymru',
  'Northern Ireland': 'Gogledd Iwerddon',
};

const REGIONS_CY: Record<string, string> = {
  'North East': 'Gogledd-ddwyrain Lloegr',
  'North West': 'Gogledd-orllewin Lloegr',
  'Yorkshire and The Humber': "Swydd Efrog a'r Humber",
  'East Midlands': 'Dwyrain Canolbarth Lloegr',
  'West Midlands': 'Gorllewin Canolbarth Lloegr',
  'East of England': 'Dwyrain Lloegr',
  London: 'Llundain',
  'South East': 'De-ddwyrain Lloegr',
  'South West': 'De-orllewin Lloegr',
  ...NATIONS_CY,
};

/** English name -> Welsh name, for areas and for the councils that run their children's services. */
const AREAS_CY = new Map(Object.values(WELSH_AREA_NAMES).map((w) => [w.en, w.cy]));

export type PlaceNames = {
  /** an area's name in the page's language */
  place(area: { name: string }): string;
  /** the council or trust running children's services */
  authority(name: string): string;
  nation(name: string): string;
  region(name: string): string;
  /** "South East, England", or just "Wales" where the nation is one region */
  where(area: { region: string; nation: string }): string;
};

const english: PlaceNames = {
  place: (a) => a.name,
  authority: (n) => n,
  nation: (n) => n,
  region: (n) => n,
  where: (a) => (a.region === a.nation ? a.nation : `${a.region}, ${a.nation}`),
};

const welsh: PlaceNames = {
  place: (a) => AREAS_CY.get(a.name) ?? a.name,
  authority: (n) => AREAS_CY.get(n) ?? n,
  nation: (n) => NATIONS_CY[n] ?? n,
  region: (n) => REGIONS_CY[n] ?? n,
  // "De-ddwyrain Lloegr" already names the nation
  where: (a) =>
    a.region === a.nation || a.nation === 'England'
      ? (REGIONS_CY[a.region] ?? a.region)
      : `${REGIONS_CY[a.region] ?? a.region}, ${NATIONS_CY[a.nation] ?? a.nation}`,
};

export function placeNames(lang: Lang): PlaceNames {
  return lang === 'cy' ? welsh : english;
}
