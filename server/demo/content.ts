// Made-up words for the demo: anonymised quotes as a moderator would publish them, the longer
// stories families might have sent, teams, and pending stories full of (invented) personal details
// so the moderator's privacy flags have something to show. No real people or cases.
// Themes follow the seed documents: being listened to, honesty, court support, reliability,
// hope, plans that make sense, dads included, and good workers who moved on.

export type QuoteTemplate = {
  text: string;
  /** the qualities a family writing this would most likely tick */
  qualities: string[];
  /** who could have written it; any relationship when absent */
  from?: ('parent' | 'carer' | 'young_person' | 'relative' | 'professional' | 'other')[];
  /** the worker had left by the time the family wrote */
  movedOn?: boolean;
};

const FAMILY = ['parent', 'carer', 'relative', 'other'] as QuoteTemplate['from'];

export const QUOTES: QuoteTemplate[] = [
  // Worker-neutral wording ("they"), because demo names carry no gender.
  { text: 'They listened to us properly, the first one who did. We never felt judged.', qualities: ['listened', 'alongside'] },
  { text: 'Honest with us from day one about what had to change, and kind while saying it.', qualities: ['honest', 'clear_plan'] },
  {
    text: 'They always rang back when they said they would. That meant everything when things were falling apart.',
    qualities: ['reliable', 'responsive'],
  },
  {
    text: 'They came to the court hearing even though they didn’t have to, and spoke up for me to the judge.',
    qualities: ['advocate', 'alongside'],
    from: ['parent', 'relative'],
  },
  { text: 'For the first time someone pointed out what we were doing right, not just what was wrong.', qualities: ['strengths', 'hope'] },
  {
    text: 'Our social worker explained the plan in plain words and checked we understood it. We knew exactly what we had to do.',
    qualities: ['clear_plan', 'honest'],
  },
  {
    text: 'I was treated as the children’s dad, not as a problem to be managed. Nobody had done that before.',
    qualities: ['whole_family', 'listened'],
    from: ['parent'],
  },
  {
    text: 'They stayed with us through the whole case. Three years and one social worker, which we know is rare.',
    qualities: ['stayed', 'reliable'],
  },
  {
    text: 'They helped us keep things going after the case closed, and made sure we knew where to go for support.',
    qualities: ['after_care', 'clear_plan'],
  },
  { text: 'They gave me hope at a time when I honestly had none left.', qualities: ['hope', 'strengths'] },
  {
    text: 'The first adult who asked me what I wanted, and then actually did something about it.',
    qualities: ['listened', 'advocate'],
    from: ['young_person'],
  },
  {
    text: 'They never talked down to me. They told me the truth even when it was hard to hear.',
    qualities: ['honest', 'listened'],
    from: ['young_person'],
  },
  {
    text: 'They remembered my birthday and which football team I support. Small things, but they mattered.',
    qualities: ['reliable', 'listened'],
    from: ['young_person'],
  },
  {
    text: 'They fought to keep us brothers and sisters together. I will never forget that.',
    qualities: ['advocate', 'whole_family'],
    from: ['young_person', 'relative'],
  },
  {
    text: 'When we took on our grandchildren we got the support we needed, not just the paperwork.',
    qualities: ['whole_family', 'responsive'],
    from: ['relative', 'carer'],
  },
  { text: 'Worked alongside us, not against us. It felt like we were on the same side for once.', qualities: ['alongside', 'listened'] },
  {
    text: 'Straight with us about the risks and about what would happen if things didn’t change. We respected that.',
    qualities: ['honest', 'clear_plan'],
  },
  {
    text: 'They answered the phone late on a Friday when we were in crisis. I don’t know what we would have done otherwise.',
    qualities: ['responsive', 'reliable'],
  },
  { text: 'They saw that we loved our children and built everything around that.', qualities: ['strengths', 'hope'], from: FAMILY },
  {
    text: 'My partner was included in every meeting, even the ones at awkward times.',
    qualities: ['whole_family', 'alongside'],
    from: ['parent'],
  },
  {
    text: 'They left the service last year and we miss them. They were the one who turned things around for us.',
    qualities: ['hope', 'strengths'],
    movedOn: true,
  },
  {
    text: 'They moved to another team before our case closed, but everything they set up is still working.',
    qualities: ['clear_plan', 'after_care'],
    movedOn: true,
  },
  {
    text: 'We had six social workers in two years. This was the only one who read our whole history before meeting us.',
    qualities: ['reliable', 'listened'],
  },
  {
    text: 'They explained what a child protection plan actually meant, step by step, without jargon.',
    qualities: ['clear_plan', 'honest'],
  },
  {
    text: 'They helped us find a nursery place and a parenting course, and then checked they were working for us.',
    qualities: ['responsive', 'alongside'],
    from: FAMILY,
  },
  {
    text: 'They made sure the children could still see their grandparents. That kept them going.',
    qualities: ['whole_family', 'advocate'],
  },
  { text: 'Calm when we weren’t. Never raised their voice and never gave up on us.', qualities: ['stayed', 'alongside'] },
  {
    text: 'As a foster carer I have met many social workers. This is the one I would trust with anything.',
    qualities: ['reliable', 'responsive'],
    from: ['carer'],
  },
  {
    text: 'As a colleague I saw how they worked with families: patient, honest and always prepared.',
    qualities: ['honest', 'reliable'],
    from: ['professional'],
  },
  {
    text: 'They wrote their reports with us, not about us. We always knew what they would say before the meeting.',
    qualities: ['honest', 'alongside'],
  },
  { text: 'They noticed what we were good at and helped us build on it. Our confidence came back.', qualities: ['strengths', 'hope'] },
  {
    text: 'Every promise made to my children was kept. They still talk about our social worker.',
    qualities: ['reliable', 'stayed'],
    from: FAMILY,
  },
  {
    text: 'When things went wrong they didn’t walk away. They came back the next morning with a plan.',
    qualities: ['stayed', 'clear_plan'],
  },
  { text: 'They believed we could do it before we did.', qualities: ['hope', 'strengths'] },
  { text: 'They supported me at every hearing and made sure my voice was heard in the room.', qualities: ['advocate', 'listened'] },
  {
    text: 'They helped me understand why things had to change, without ever making me feel like a bad mum.',
    qualities: ['honest', 'strengths'],
    from: ['parent'],
  },
  {
    text: 'They checked in after the case closed, just to see how we were. Nobody asked them to.',
    qualities: ['after_care', 'reliable'],
    movedOn: true,
  },
  { text: 'Honest that the outcome couldn’t be promised, but promised to be there, and was.', qualities: ['honest', 'stayed'] },
  { text: 'They made me feel like a person, not a case number.', qualities: ['listened', 'alongside'] },
  {
    text: 'They spoke to my teenage son like an adult and he opened up in a way he never had with anyone.',
    qualities: ['listened', 'whole_family'],
    from: FAMILY,
  },
  { text: 'We got the help we had been asking for within weeks, after waiting over a year.', qualities: ['responsive', 'advocate'] },
  {
    text: 'Every visit had a point. We always knew what we were working towards and how far we had come.',
    qualities: ['clear_plan', 'hope'],
  },
];

/** Extra sentences for the (private) stories behind approved quotes: what a family might write at more length. */
export const STORY_DETAILS = [
  'We had been through a lot before we met them and did not trust anyone from the council.',
  'They took the time to get to know the children and what each of them needed.',
  'Meetings used to feel like an exam. With them it felt like working something out together.',
  'They explained every letter we got, and there were a lot of letters.',
  'I was on my own with three children and I was struggling more than I let anyone see.',
  'Our case has closed now and we are doing well, and I wanted someone to know it was down to them.',
  'I know social workers get a hard time in the papers, so I wanted to say thank you properly.',
  'They never missed a visit without letting us know, and they always turned up when they said.',
];

export const TEAMS = [
  'Family Support Team',
  'Child Protection Team',
  'Children in Care Team',
  'Assessment Team',
  'Leaving Care Team',
  'Disabled Children’s Team',
  'Early Help Team',
  'Fostering Team',
  'Kinship Care Team',
  'Family Safeguarding Team',
];

export const LOCALITIES = ['North', 'South', 'East', 'West', 'Central', 'Coastal'];

/**
 * Pending stories with invented personal details: children's names ({child}, {child2}), a partner
 * ({adult}), phone numbers from Ofcom's drama range, example.org emails, made-up schools, streets,
 * dates and case numbers. {worker} is the social worker's name.
 */
export const PENDING_STORIES = [
  '{worker} was our social worker from March 2024. They came to every meeting at St Bridget’s Primary and made sure my son {child} was heard. If you need to check anything my number is 07700 900{n3}.',
  'When {child} (aged 7) went to live with my mum at 14 Larkspur Close, {postcode}, {worker} visited every week and kept us all in the loop. They never once made me feel like I had failed.',
  'I want to say thank you to {worker}. My daughter {child} was born on 3 June 2019 and we have been involved with children’s services since she was a baby. {worker} was the first one who listened.',
  '{worker} supported me at the family court hearing on 12 February 2025 (case number ZW24C00{n3}). They spoke up for me and my partner {adult} when nobody else would.',
  'Our case is closed now. {worker} helped {child} and {child2} settle at Oakfield Academy and sorted out the transport. You can email me at {email} if you want to know more.',
  '{worker} has been amazing with my grandson {child}. He is 14 and does not talk to anyone, but he talks to them. We live at 27 Mill Lane and they always made time to come round.',
  'I was a young mum at 17 and {worker} was the only person who believed I could do it. My little boy {child} is now at Greenhill Nursery and doing brilliantly. Ring me on 07700 900{n3}.',
  '{worker} came out to see us on Christmas Eve when our heating broke and the children were cold. It was sorted within a day. Our address is Flat 3, 8 Station Road, {postcode}.',
  'I have fostered for 11 years and {worker} is the best social worker I have worked with. They fought for {child} to stay at Meadowbank School when the placement moved.',
  'Thank you to {worker} who helped our family after my husband {adult} left. They made a plan with us that actually worked and checked in every fortnight until the end.',
  'The last social worker we had was rude and I made a complaint about her, but {worker} was completely different. They read everything, listened to {child}, and was honest with us.',
  '{worker} helped me when I was not safe at home with my ex-partner. They got me and {child} into a refuge and stayed in touch all the way through. I am doing well now at {email}.',
  'My nephew {child} came to live with us on 20 September 2023. {worker} made sure we got the kinship allowance and that his school, Holy Trinity C of E, knew what was going on.',
  '{worker} was there for us from the first visit to the day the case closed. They remembered everything about {child} and {child2}, even their favourite foods. Reference from the council: CP-{n3}-24.',
  'I am 16 and {worker} is my social worker. They helped me move into my own place at 5 Harbour View and sorted my college course. Text me on 07700 900{n3} if you need to.',
];

/** Change requests a worker might send about their profile. */
export const CHANGE_REQUESTS: { request: 'hide' | 'correct'; details: string }[] = [
  {
    request: 'correct',
    details:
      'Thank you to the families who wrote such kind things. My surname is spelled wrongly on the profile; I am also now in the Early Help Team, not the Family Support Team.',
  },
  {
    request: 'hide',
    details: 'I have left social work and moved away. I am touched by the recommendation but would prefer not to be listed any more.',
  },
];
