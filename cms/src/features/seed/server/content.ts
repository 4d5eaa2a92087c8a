/**
 * Demo seed content for the medical-education website.
 * All people, comments and contact details are fictional.
 */

/** Text wrapped over several lines of this file, read as one line; `\n` marks a real line break. */
function prose(strings: TemplateStringsArray): string {
  return strings.raw[0]
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?\\n ?/g, '\n');
}

export interface SeedCategory {
  name: string;
  slug: string;
  description: string;
}

export interface SeedAuthor {
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  credentials: string;
  registrationNumber?: string;
}

export interface SeedReference {
  citation: string;
  url?: string;
  doi?: string;
  pmid?: string;
}

export interface SeedArticle {
  title: string;
  slug: string;
  excerpt?: string;
  category: string;
  author: string;
  featured?: boolean;
  draft?: boolean;
  commentsEnabled?: boolean;
  related: string[];
  seo?: { metaTitle: string; metaDescription: string };
  /** The author (by slug) who checked the article. */
  reviewer: string;
  lastReviewedAt: string;
  nextReviewDueAt: string;
  audience: 'students' | 'doctors' | 'public';
  conflictOfInterest?: string;
  references: SeedReference[];
  body: string;
}

export interface SeedComment {
  article: string;
  key: string;
  parent?: string;
  authorName: string;
  authorEmail: string;
  body: string;
  moderationStatus: 'approved' | 'pending' | 'spam';
  /** A reply written by the organisation, shown with the badge its replies from the Moderation screen get. */
  badge?: 'staff';
}

export interface SeedGlobal {
  siteName: string;
  tagline: string;
  contactEmail: string;
  contactPhone: string;
  footerText: string;
  socialLinks: { platform: 'instagram' | 'facebook' | 'linkedin' | 'youtube' | 'x'; url: string }[];
  defaultSeo: { metaTitle: string; metaDescription: string };
  disclaimer: string;
}

export const categories: SeedCategory[] = [
  {
    name: 'Medical Training',
    slug: 'medical-training',
    description: prose`
        Practical guidance for getting the most out of clinical postings, ward work and everyday
        learning during medical school.
      `,
  },
  {
    name: 'Internships',
    slug: 'internships',
    description:
      'Help for interns on logbooks, shifts, supervision and turning a demanding year into a strong foundation.',
  },
  {
    name: 'International Collaborations',
    slug: 'international-collaborations',
    description:
      'Electives, observerships and exchanges abroad: how they work, what to prepare and how to choose well.',
  },
  {
    name: 'Furthering Your Education',
    slug: 'furthering-your-education',
    description:
      'Planning for advanced degrees and residency, including step-by-step preparation for USMLE Step 1 and Step 2 CK.',
  },
  {
    name: 'Clinical Partnerships',
    slug: 'clinical-partnerships',
    description: prose`
        How our partner teaching hospitals and clinical sites work with learners, and what makes a
        placement worthwhile.
      `,
  },
];

export const authors: SeedAuthor[] = [
  {
    name: 'Dr. Meera Raghunathan',
    slug: 'meera-raghunathan',
    jobTitle: 'Academic Coordinator',
    credentials: 'MBBS, MD (Physiology)',
    registrationNumber: 'TNMC 74512',
    bio: prose`
      Meera coordinates the academy's examination preparation and postgraduate planning programmes.
      After her MBBS and MD in physiology, she spent several years teaching undergraduates before
      moving into full-time academic mentoring. She enjoys turning large goals into calm, week-by-week
      plans.
    `,
  },
  {
    name: 'Dr. Daniel Okafor',
    slug: 'daniel-okafor',
    jobTitle: 'Clinical Mentor',
    credentials: 'MBBS, MD (Internal Medicine)',
    registrationNumber: 'KMC 118430',
    bio: prose`
      Daniel is an internal medicine physician who has supervised students and international graduates
      on clinical attachments in teaching hospitals abroad. He mentors our learners on rotations,
      observerships and professional communication. Outside work, he is an enthusiastic, if slow,
      long-distance runner.
    `,
  },
  {
    name: 'Sana Qureshi',
    slug: 'sana-qureshi',
    jobTitle: 'International Programmes Manager',
    credentials: 'MHA (Healthcare Administration)',
    bio: prose`
      Sana manages the academy's relationships with partner hospitals and international host
      institutions. With a background in healthcare administration, she has helped many students
      through the paperwork for electives and observerships. She believes careful planning is the
      kindest thing you can do for your future self.
    `,
  },
];

/** Sources the demo articles cite (real publications; the registration numbers above are made up). */
const SOURCES = {
  feedback: {
    citation:
      'Ramani S, Krackov SK. Twelve tips for giving feedback effectively in the clinical environment. Med Teach. 2012;34(10):787-791.',
    doi: '10.3109/0142159X.2012.684916',
    pmid: '22730899',
  },
  reflection: {
    citation:
      'Sandars J. The use of reflection in medical education: AMEE Guide No. 44. Med Teach. 2009;31(8):685-695.',
    doi: '10.1080/01421590903050374',
    pmid: '19811204',
  },
  deliberatePractice: {
    citation:
      'Ericsson KA. Deliberate practice and the acquisition and maintenance of expert performance in medicine and related domains. Acad Med. 2004;79(10 Suppl):S70-S81.',
    doi: '10.1097/00001888-200410001-00022',
    pmid: '15383395',
  },
  testing: {
    citation:
      'Roediger HL, Karpicke JD. Test-enhanced learning: taking memory tests improves long-term retention. Psychol Sci. 2006;17(3):249-255.',
    doi: '10.1111/j.1467-9280.2006.01693.x',
    pmid: '16507066',
  },
  competencies: {
    citation:
      'Frank JR, Snell LS, Cate OT, et al. Competency-based medical education: theory to practice. Med Teach. 2010;32(8):638-645.',
    doi: '10.3109/0142159X.2010.501190',
    pmid: '20662574',
  },
  usmleBulletin: {
    citation: 'United States Medical Licensing Examination. Bulletin of Information.',
    url: 'https://www.usmle.org/bulletin-information',
  },
  nmc: {
    citation: 'National Medical Commission (India). Compulsory Rotating Medical Internship Regulations, 2021.',
    url: 'https://www.nmc.org.in/',
  },
  ecfmg: {
    citation:
      'Educational Commission for Foreign Medical Graduates (ECFMG). Information for international medical graduates.',
    url: 'https://www.ecfmg.org/',
  },
} satisfies Record<string, SeedReference>;

const MENTORING_NOTE =
  'Setu Medical Academy offers paid USMLE mentoring. This guide is general and does not require any of our programmes.';

export const articles: SeedArticle[] = [
  {
    title: 'How to Plan a Clinical Rotation So You Learn More Than You Watch',
    slug: 'planning-a-clinical-rotation',
    excerpt: prose`
        A rotation passes quickly. Set three clear goals before it starts, build a small daily rhythm,
        ask for feedback at the midpoint and reflect at the end, and you will come away with far more
        than a signed attendance sheet.
      `,
    category: 'medical-training',
    author: 'daniel-okafor',
    featured: true,
    related: ['keeping-an-internship-logbook', 'what-is-an-observership'],
    reviewer: 'meera-raghunathan',
    lastReviewedAt: '2026-09-14',
    nextReviewDueAt: '2027-09-14',
    audience: 'students',
    references: [SOURCES.feedback, SOURCES.reflection],
    seo: {
      metaTitle: 'How to Plan a Clinical Rotation | Setu Medical Academy',
      metaDescription: prose`
          Set clear goals, build a daily routine, ask for feedback early and reflect at the end: a
          practical guide to planning any clinical rotation.
        `,
    },
    body: `A clinical rotation goes by faster than most students expect. One week you are finding your way to
the ward, and a few weeks later you are handing in a signed attendance sheet and wondering what you
actually learned. The difference between a rotation that changes how you think and one that simply
passes is rarely talent. It is usually planning: knowing what you want from the posting before it
starts, building small habits during it, and reflecting honestly once it ends. This guide walks
through that process step by step.

## Before the rotation: set three clear goals

Start by reading whatever your college or host department provides: the posting schedule, the
expected competencies and the assessment format. Then write down three goals that are specific
enough to check at the end. "Learn cardiology" is too broad to act on. "Examine the cardiovascular
system confidently and present a patient with chest pain in under three minutes" is something you
can practise daily and measure.

Good goals usually mix three kinds of learning:

- **A clinical skill**, such as performing a focused respiratory examination or writing a clear
  progress note.
- **A knowledge area**, such as the first-line management of common presentations you will see on
  that unit.
- **A professional behaviour**, such as presenting cases concisely or communicating with families
  during ward rounds.

Share your goals with your supervising resident or consultant in the first day or two. Most
supervisors are glad to help a student who knows what they are looking for, and it makes it easier
for them to involve you at the right moments.

## Build a weekly rhythm

Rotations reward consistency more than intensity. Instead of planning to read everything at the
weekend, build a simple rhythm you can keep even on busy days.

1. Each morning, pick one or two patients to follow closely. Know their history, examination
  findings, investigations and plan.
2. During rounds, listen for the reasoning behind decisions, not just the decisions themselves. Note
  one question you can look up later.
3. Each evening, spend twenty to thirty minutes reading about a condition you actually saw that day.
  Reading anchored to a real patient sticks far better than reading in the abstract.
4. At the end of each week, review your three goals and note one thing that went well and one thing
  to improve.

This rhythm is small on purpose. It is much easier to sustain a modest routine for six weeks than an
ambitious one for six days.

## Make yourself useful on the team

Students sometimes worry that they are in the way. The simplest fix is to take on small, reliable
tasks that help the team: updating the patient list, following up on pending reports, helping with
documentation under supervision, or preparing a short summary of a patient before rounds. Ask the
resident which tasks you are allowed to do, and respect the limits of your role. Never perform a
procedure or share information with patients beyond what you have been cleared to do.

Being useful has a second benefit. Teams teach the students they trust. When residents see that you
follow through, they are more likely to call you to see an interesting sign, let you present on
rounds, or talk you through a procedure.

## Ask for feedback early, not just at the end

Many students receive feedback only in a final evaluation, when it is too late to act on it. Ask for
a short check-in at the midpoint of the rotation instead. Keep the question specific: "Could you
watch me present this patient and tell me one thing to improve?" is far easier to answer than "How
am I doing?"

When you receive feedback, write it down, thank the person and try the suggestion the next day.
Supervisors notice when their feedback is acted on, and it often leads to more detailed teaching.

## After the rotation: reflect and record

In the final days, return to the goals you wrote at the start. For each one, note honestly whether
you achieved it, partly achieved it or did not. Record the cases, skills and procedures you observed
or performed in your logbook while the details are still fresh. If a supervisor was particularly
engaged with your learning, this is a good moment to ask whether they would be willing to act as a
referee later, and to send a brief thank-you message.

Finally, carry one lesson forward into your next posting. Over the course of your training, these
small reflections add up to a clear record of how you have grown.

A well-planned rotation does not need to be complicated. Three clear goals, a steady daily rhythm
and the habit of asking for feedback will take you further than long hours spent standing at the
back of the ward. If you would like help setting goals for an upcoming posting, our mentors are
happy to review them with you.`,
  },
  {
    title: 'Your Internship Logbook: What to Record, How Often, and Why It Matters',
    slug: 'keeping-an-internship-logbook',
    category: 'internships',
    author: 'meera-raghunathan',
    related: ['planning-a-clinical-rotation', 'usmle-step-2-ck-study-plan'],
    reviewer: 'daniel-okafor',
    lastReviewedAt: '2026-08-03',
    nextReviewDueAt: '2027-08-03',
    audience: 'doctors',
    references: [SOURCES.nmc, SOURCES.reflection],
    seo: {
      metaTitle: 'Keeping an Internship Logbook That Works | Setu',
      metaDescription: prose`
          What to record in your internship logbook, how often to update it, how to stay honest about your
          involvement and how to get signatures without stress.
        `,
    },
    body: `For many interns, the logbook feels like paperwork: something to fill in hurriedly before a
department signs off on a posting. That is understandable during a demanding year, but it is also a
missed opportunity. A well-kept logbook is evidence of what you have done, a tool for spotting gaps
in your experience, and a source you will return to when you apply for postgraduate training,
electives or jobs. This article explains how to keep one that is accurate, useful and not
overwhelming.

## Know what your institution requires

Start with the official format. Your college or hospital will usually specify which postings must be
recorded, which procedures need to be documented and who must sign each section. Read these
requirements in your first week, not your last. Note down:

- the postings and the minimum duration expected in each;
- the procedures you must perform, assist with or observe, and how each category is defined;
- who is allowed to countersign entries, and how often signatures are expected;
- any reflective writing, case presentations or attendance records that form part of the logbook.

If anything is unclear, ask the internship coordinator or the faculty member in charge of your
department early. It is far easier to clarify a requirement at the start of a posting than to chase
signatures after it ends.

## Record little and often

The most common problem with logbooks is not a lack of skill but a lack of memory. Details that feel
unforgettable on a busy night are surprisingly hard to recall three weeks later. Build a habit of
recording entries at the end of each shift or, at most, every two to three days.

A useful entry is short but specific. For a procedure, note the date, the setting, the procedure
itself, your level of involvement (observed, assisted, performed under supervision or performed
independently) and the supervisor present. For an interesting case, a line or two about the
presentation and what you learned is enough. Never include names, hospital numbers or other details
that could identify a patient.

Some interns keep a small notebook for quick jottings and transfer them to the official logbook each
week. If you do this, make sure those rough notes also contain no identifiable patient information,
and follow your hospital's policy on personal devices if you keep notes on your phone.

### Be honest about your level of involvement

It can be tempting to record an observed procedure as one you assisted with, or to round up the
numbers. Resist this. Your logbook is a professional document, and the supervisors who countersign
it are vouching for its accuracy. Inflated entries also hide the real gaps you need to fill.

Honest records protect you, too. If you notice that you have observed many lumbar punctures but
performed none, you can ask your team for supervised opportunities while you are still on the right
posting.

## Use your logbook to plan, not just to report

Once a month, set aside half an hour to review your logbook as a whole. Ask yourself a few simple
questions:

1. Which required procedures or competencies am I behind on?
2. Which upcoming postings could help me catch up?
3. What kinds of cases have I seen a lot of, and what have I barely seen?
4. What did I find most interesting, and could it shape my choice of specialty?

This review turns the logbook from a record into a planning tool. It also makes conversations with
supervisors more productive, because you can ask for specific experience instead of general
exposure.

## Getting signatures without stress

Signatures are the part of the logbook most interns dread. A few habits make them easier. Ask for a
signature at a calm moment, not in the middle of a ward round or an emergency. Have the relevant
pages complete and clearly marked so the signatory can review them quickly. If a supervisor is about
to rotate away or go on leave, get their signature before they go. Keep a scan or photocopy of
signed pages in case the original is lost.

## Looking ahead

When you later apply for postgraduate training, an elective abroad or an observership, you may be
asked to describe your clinical experience in detail. A logbook kept carefully throughout internship
makes this straightforward and credible. It also gives you material for personal statements:
specific cases and moments that shaped your interests.

A logbook will never be the most exciting part of internship, but ten minutes after each shift is a
small price for a clear, honest record of your year. Start early, record often and review regularly,
and the logbook will begin working for you rather than the other way round.`,
  },
  {
    title: 'What Is an Observership, and Is It the Right Next Step for You?',
    slug: 'what-is-an-observership',
    category: 'international-collaborations',
    author: 'daniel-okafor',
    related: ['documents-for-an-international-elective', 'what-makes-a-good-clinical-partnership'],
    reviewer: 'meera-raghunathan',
    lastReviewedAt: '2026-06-22',
    nextReviewDueAt: '2027-06-22',
    audience: 'students',
    references: [SOURCES.ecfmg],
    seo: {
      metaTitle: 'What Is an Observership? A Guide for Indian Graduates',
      metaDescription: prose`
          How observerships differ from electives and externships, what they can realistically offer, and
          the questions to ask before you pay or travel.
        `,
    },
    body: `If you are an Indian medical graduate considering training abroad, you have probably heard seniors
talk about observerships. The word is used loosely, and it often gets mixed up with electives,
externships and clinical attachments. Understanding what an observership actually is, and what it is
not, will help you decide whether it is worth your time and money, and how to make the most of one
if you go ahead.

## What an observership is

An observership is a short period, often a few weeks, during which a medical student or graduate
shadows a clinical team in a hospital or clinic. As the name suggests, the role is observational.
You attend ward rounds, outpatient clinics, multidisciplinary meetings and teaching sessions, and
you see how a healthcare system works from the inside.

What you typically do not do is provide hands-on patient care. In most settings, observers do not
examine patients independently, write in medical records, place orders or perform procedures. The
exact boundaries vary by institution, and they are usually set out in a written agreement you sign
before starting.

## How it differs from electives and externships

The terms overlap, but these distinctions are a useful starting point:

- **Elective or clerkship:** usually for current medical students, arranged with the involvement of
  the home medical school, and often including supervised hands-on work and a formal assessment.
- **Externship or hands-on experience:** supervised patient contact, sometimes open to graduates,
  depending on the host institution and local regulations.
- **Observership:** in many places open to graduates as well as students, with no direct patient
  care and usually no formal grade.

Always read the host's own description rather than relying on the label. Two programmes with the
same name can offer very different experiences.

## What you can realistically gain

An observership will not replace clinical training, but it can offer real value when chosen
carefully:

- **Familiarity with a different health system:** how teams are structured, how patients are handed
  over, and how documentation and communication work.
- **Clinical reasoning in context:** hearing experienced physicians think aloud about diagnosis and
  management.
- **Professional relationships:** supervisors who get to know you over several weeks may be willing
  to write a letter describing your engagement, professionalism and communication. How much such a
  letter helps depends on how well the writer knows you and on what the programmes you apply to
  value, so be realistic.
- **Clarity about your plans:** time spent in a system you are considering can confirm your interest
  or save you from a costly mistake.

## Questions to ask before you commit

Observerships vary widely in quality, and some commercial offerings charge high fees for very
limited contact with clinicians. Before you pay or travel, ask:

1. Who will be my direct supervisor, and how many hours a week will I spend with their team?
2. Which activities can I attend: rounds, clinics, conferences, teaching sessions?
3. How many other observers will be present at the same time?
4. Is there a written agreement describing the programme, its fees and its limits?
5. Is a letter of recommendation possible, and under what conditions?
6. What documents, immunisations and insurance are required?

If a provider cannot answer these clearly, treat that as a warning sign. Be especially careful with
anyone who guarantees a letter of recommendation in exchange for a fee.

## Making the most of the weeks you have

Once you are there, your attitude matters more than your title. Arrive early, dress professionally
and follow the team's lead on how to introduce yourself to patients. Prepare for each day by reading
about the cases you saw the day before. Ask thoughtful questions at appropriate moments, and notice
when the team is too busy for teaching. Keep a simple daily journal of what you observed and
learned, without any patient identifiers.

Towards the end, ask your supervisor for a brief conversation about your goals and whether they feel
able to support your applications. Thank everyone who helped you, including nursing and
administrative staff.

An observership is neither a shortcut nor a waste of time. It is a focused opportunity to learn how
another system works and to show the people in that system how you work. Go in with clear questions,
choose a programme with genuine supervision, and you will come home with much more than a
certificate.`,
  },
  {
    title: 'The Document Checklist for an International Elective: What to Prepare and When',
    slug: 'documents-for-an-international-elective',
    excerpt: prose`
        Passport, dean's letter, NOC, immunisation records, insurance, visa: a practical checklist and
        timeline for the paperwork behind an international elective, so you arrive ready to learn rather
        than worn out from last-minute rushing.
      `,
    category: 'international-collaborations',
    author: 'sana-qureshi',
    related: ['what-is-an-observership', 'planning-a-clinical-rotation'],
    reviewer: 'daniel-okafor',
    lastReviewedAt: '2026-07-10',
    nextReviewDueAt: '2027-01-10',
    audience: 'students',
    references: [SOURCES.ecfmg],
    seo: {
      metaTitle: 'International Elective Document Checklist | Setu',
      metaDescription: prose`
          The documents most hosts ask for when you apply for an international elective, with a suggested
          timeline and tips to avoid last-minute delays.
        `,
    },
    body: `An international elective can be one of the most memorable parts of medical school. It can also
become stressful if paperwork arrives late or a single missing document delays your visa. Host
institutions receive many applications and often have firm deadlines, so preparation matters. This
checklist covers the documents most students are asked for, a suggested timeline and a few practical
tips. Requirements differ between countries and institutions, so always treat the host's own
instructions as final.

## Start early: a suggested timeline

Many host hospitals open elective applications well in advance, and some fill their places quickly.
A comfortable plan looks something like this:

1. **Nine to twelve months before:** shortlist hosts, check eligibility and note deadlines. Ask your
  dean's office how elective approval works at your own college.
2. **Six to nine months before:** submit applications and start collecting the documents that take
  time, such as vaccination records and letters from your college.
3. **Three to six months before:** once you have an offer, apply for your visa, arrange insurance
  and book accommodation.
4. **The final month:** complete any induction modules the host requires, confirm arrival details
  and prepare copies of everything.

## Academic and identity documents

These form the core of almost every application:

- **Passport:** valid well beyond your planned return date. Check the host country's rule on minimum
  validity.
- **Letter of good standing or dean's letter:** confirms that you are enrolled, in good standing and
  eligible for an elective.
- **No objection certificate (NOC):** many Indian colleges issue this to confirm that they approve
  your elective and how it fits into your curriculum.
- **Academic transcript:** sometimes with an official translation or attestation.
- **Curriculum vitae:** one or two pages, focused on clinical experience, research and relevant
  activities.
- **Personal statement:** why you chose this host and specialty, and what you hope to learn.
- **Proof of English proficiency:** required by some hosts, usually through a recognised test.

## Health, immunisation and safety documents

Hospitals need to protect their patients and staff, so health documentation is often the slowest
part of the process. Hosts commonly ask for:

- immunisation records, often including hepatitis B, measles, mumps and rubella, varicella and
  tetanus, sometimes with blood tests showing immunity;
- tuberculosis screening, with the type and timing of the test specified by the host;
- a current basic life support certificate;
- a police clearance certificate or background check, in some countries.

Start these early. Some vaccine schedules need several doses spaced over weeks or months, and
laboratory reports can take time to arrive.

## Insurance, visa and travel

### Insurance and indemnity

Most hosts ask for two different kinds of cover. **Health and travel insurance** protects you if you
fall ill or are injured abroad. **Professional indemnity or liability cover** relates to your
clinical activity during the elective. Your college may provide some cover; if not, the host can
usually tell you what it will accept. Read the policy wording to confirm that your dates, your
destination and clinical activity are all covered.

### Visa and travel paperwork

The correct visa depends on the destination and on the nature of your elective. Do not assume that a
tourist visa is appropriate: check the host country's official immigration guidance and follow the
host's advice. Typical supporting documents include the offer letter from the host, proof of funds,
proof of accommodation, your return travel plans and your college's approval letter.

## Practical tips that save time

- Keep a single folder, both digital and printed, with clearly named copies of every document.
- Note the expiry dates of your passport, insurance and certificates in a simple spreadsheet.
- Ask your college for letters in the exact wording the host requests; reissuing them takes time.
- Reply to host emails promptly and keep the tone professional. Coordinators remember organised
  applicants.
- Carry the originals of key documents when you travel, along with printed copies.

Paperwork is not the exciting part of an elective, but it is the part that makes everything else
possible. If you start early, keep your documents organised and read every instruction carefully,
you will arrive ready to learn. If you would like a second pair of eyes on your checklist for a
specific host, [contact our programmes team](https://example.org/contact).`,
  },
  {
    title: 'USMLE Step 1 for Indian Medical Students: Where to Begin',
    slug: 'usmle-step-1-where-to-begin',
    excerpt: prose`
        Thinking about USMLE Step 1 but unsure when or how to start? Understand what the exam tests,
        decide on timing that protects your college results, and build a phased plan with a few
        well-used resources.
      `,
    category: 'furthering-your-education',
    author: 'meera-raghunathan',
    related: ['usmle-step-2-ck-study-plan', 'what-is-an-observership'],
    reviewer: 'daniel-okafor',
    lastReviewedAt: '2025-11-17',
    nextReviewDueAt: '2026-11-17',
    audience: 'students',
    conflictOfInterest: MENTORING_NOTE,
    references: [SOURCES.usmleBulletin, SOURCES.deliberatePractice],
    seo: {
      metaTitle: 'USMLE Step 1: Where Indian Students Should Begin',
      metaDescription: prose`
          What Step 1 tests, how to decide when to start, a phased preparation plan and the common
          mistakes Indian medical students can avoid.
        `,
    },
    body: `Many Indian medical students begin thinking about the United States Medical Licensing Examination in
their second or third year, often after hearing mixed advice from seniors and online forums. Step 1
is the usual starting point. It tests how well you understand and apply the basic sciences to
clinical problems, and passing it is one part of the path to certification for international medical
graduates. This article sets out how to decide whether and when to begin, and how to build a
realistic plan.

## Understand what Step 1 is testing

Step 1 is not a memory contest about obscure facts. Questions are usually built around clinical
vignettes, and you are asked to apply mechanisms from physiology, pathology, pharmacology,
microbiology, biochemistry and other basic sciences to a patient scenario. Step 1 is now reported as
pass or fail rather than with a numerical score. That change has reduced the pressure to chase a
high number, but it has not made the exam easy, and an unsuccessful attempt still appears on your
record. The goal is a confident, well-prepared pass on the first attempt.

Because exam rules, eligibility requirements and fees change from time to time, always confirm the
current details on the official USMLE and ECFMG websites before you register.

## Decide when to start

There is no single right time, but a few questions can guide you:

- Are you comfortable with your college's own examinations? Step 1 preparation should support, not
  compromise, your university results.
- Have you studied the core basic sciences recently enough that revision will feel familiar rather
  than like starting again?
- Can you protect a predictable block of study time each week for several months?
- Have you discussed your long-term plans and finances with your family, given the cost of
  examinations and applications?

Many students start light, foundation-level preparation during the pre-clinical or early clinical
years and move to dedicated, intensive study later. What matters most is that the plan fits your own
schedule and circumstances.

## Build your plan in phases

A phased approach helps you avoid burnout and keeps your progress visible:

1. **Foundation phase:** work through one primary resource systematically, system by system, linking
  each topic to what you are learning in college.
2. **Question phase:** begin practice questions early, even before you feel ready. Read every
  explanation, including those for questions you answered correctly.
3. **Dedicated phase:** a focused period of full-time preparation, mixing timed question blocks with
  targeted review of weak areas.
4. **Assessment phase:** take self-assessment exams at intervals to check your readiness before you
  book or confirm your test date.

Keep your resources few and use them well. Many students lose months switching between books, video
series and question banks instead of finishing one of each.

## Study habits that work

Active study beats passive reading. After each session, close the book and explain the topic aloud,
or write a short summary from memory. Use spaced repetition, whether through flashcards or a simple
revision timetable, for facts that need to stay fresh. Keep an error log: a list of the questions
you got wrong, why you got them wrong and what the correct reasoning was. Review it every week.

It also helps to study with structure rather than mood. Decide the night before which topics and how
many questions you will cover the next day, so you do not spend your best hours deciding what to do.

Protect your health as well. Sleep, regular meals and some physical activity are part of
preparation, not distractions from it.

## Common mistakes to avoid

- Collecting resources instead of finishing them.
- Avoiding timed practice until the final weeks.
- Comparing your pace with classmates or strangers online.
- Booking an exam date based on hope rather than self-assessment results.
- Studying in complete isolation, without anyone to check in with.

Step 1 is demanding, but it is manageable with a clear plan and steady effort. Start by
understanding the exam, choose a timeline that respects your college commitments and build habits
you can sustain for months, not days. If you would like help mapping a plan onto your academic
calendar, our academic team offers one-to-one planning sessions.`,
  },
  {
    title: 'A Practical Study Plan for USMLE Step 2 CK',
    slug: 'usmle-step-2-ck-study-plan',
    excerpt: prose`
        How to time Step 2 CK around your clinical postings, organise preparation in three stages, keep
        an error log that actually teaches you, and protect your stamina for a long exam day.
      `,
    category: 'furthering-your-education',
    author: 'meera-raghunathan',
    featured: true,
    related: ['usmle-step-1-where-to-begin', 'keeping-an-internship-logbook'],
    reviewer: 'daniel-okafor',
    lastReviewedAt: '2026-10-05',
    nextReviewDueAt: '2027-04-05',
    audience: 'doctors',
    conflictOfInterest: MENTORING_NOTE,
    references: [SOURCES.usmleBulletin, SOURCES.testing],
    seo: {
      metaTitle: 'A Practical USMLE Step 2 CK Study Plan | Setu',
      metaDescription: prose`
          Plan your USMLE Step 2 CK preparation: when to sit the exam, a three-stage study structure, a
          sample week, error logs and the final two weeks.
        `,
    },
    body: `USMLE Step 2 Clinical Knowledge tests whether you can apply medical knowledge and clinical science
to patient care under supervision. For international medical graduates it has taken on added
importance: with Step 1 now reported as pass or fail, Step 2 CK is the numerically scored exam that
residency programmes can look at when reviewing applications. That makes a structured study plan
well worth the effort. This guide outlines how to time the exam, organise your preparation and track
your progress.

## Choose the right time to take it

Step 2 CK builds directly on clinical experience. Many Indian students and graduates find it easier
to prepare after completing their major clinical postings, or during or after internship, when
management decisions feel familiar rather than theoretical. Consider:

- how recently you completed medicine, surgery, paediatrics, obstetrics and gynaecology, and
  psychiatry postings;
- when your score needs to be available for the application cycle you are targeting;
- whether you can take a dedicated period of study leave, or must prepare alongside clinical duties;
- your other commitments, such as university examinations or other entrance tests.

Check current eligibility rules, score reporting timelines and application calendars on the official
websites, because these change.

## Structure your preparation in three stages

**Stage one: content review.** Cover the major disciplines with one main resource, organised by
system. Link each topic to patients you have seen. Focus on the next best step in management,
first-line investigations and when to escalate care, because Step 2 CK questions often ask what you
would do rather than which mechanism explains a finding.

**Stage two: questions at the core.** Move to a question bank as early as you can and make it the
centre of your study. Start with untimed, system-based blocks to learn, then switch to timed, mixed
blocks to build stamina and pattern recognition. Read every explanation carefully.

**Stage three: consolidation and assessment.** In the final weeks, complete full-length practice
sessions, take self-assessments at regular intervals and spend most of your time on the weak areas
your data reveals.

### A sample week during dedicated study

Your own plan will depend on how many weeks you have, but a balanced week might look like this:

1. Five days of two or three timed, mixed question blocks each, followed by careful review.
2. One day for working through your error log and re-reading weak topics.
3. One lighter day for rest, exercise and a short revision session, so that you can sustain the
  pace.

Guard your review time. Doing questions quickly without understanding your mistakes is one of the
most common reasons progress stalls.

## Keep an error log that teaches you

For each question you get wrong, or get right by guessing, note the topic, the reason for the
mistake and the rule you want to remember. Then sort your mistakes by type:

- **Knowledge gaps:** you did not know the fact or guideline.
- **Reasoning errors:** you knew the facts but misread the clinical picture.
- **Reading errors:** you missed a key detail in the question, such as age, vital signs or pregnancy
  status.
- **Test-taking errors:** you changed a correct answer or ran short of time.

Each type needs a different fix. Knowledge gaps need content review. Reasoning errors need more
practice explaining your thinking. Reading errors need slower, more deliberate reading of the final
line and the vital signs. Test-taking errors need timed practice and a clear rule about when to
change an answer.

## Look after your stamina and wellbeing

Step 2 CK is a long, single-day examination, and fatigue can cost marks in the later blocks.
Practise full-length sessions before exam day, including breaks, meals and hydration. Sleep
consistently in the final weeks rather than cutting sleep short to cover more content. If anxiety is
affecting your preparation, talk to a mentor or a professional early rather than late.

## Plan the last two weeks

In the final fortnight, avoid starting new resources. Review your error log, take your last
self-assessment with enough time left to adjust, and confirm your test-day logistics:
identification, route, timing and what you are allowed to bring. On the day before the exam, rest.

A good Step 2 CK plan is less about the number of hours and more about how you use them. Choose your
timing thoughtfully, make questions the core of your study and learn from every mistake. If you
would like feedback on your plan, you can [book a planning session](https://example.org/mentoring)
with one of our mentors.`,
  },
  {
    title: 'What Makes a Good Clinical Partnership Between Hospitals and Training Programmes',
    slug: 'what-makes-a-good-clinical-partnership',
    excerpt: prose`
        Shared goals in writing, genuine supervision, patients at the centre, named coordinators and
        honest feedback: the features that make a clinical partnership worthwhile, and the questions
        learners can ask before a placement.
      `,
    category: 'clinical-partnerships',
    author: 'sana-qureshi',
    commentsEnabled: false,
    related: ['what-is-an-observership', 'documents-for-an-international-elective', 'planning-a-clinical-rotation'],
    reviewer: 'daniel-okafor',
    lastReviewedAt: '2026-05-18',
    nextReviewDueAt: '2027-05-18',
    audience: 'public',
    references: [SOURCES.competencies],
    seo: {
      metaTitle: 'What Makes a Good Clinical Partnership | Setu',
      metaDescription: prose`
          The features of a strong clinical partnership between hospitals and training programmes, and
          five questions to ask before you accept a placement.
        `,
    },
    body: `Clinical partnerships connect learners with the patients, teams and settings they need to train
well. For a student or young doctor, a placement at a partner hospital can be the difference between
watching medicine and taking part in it. But not every partnership is equally strong. Over time, we
have learned that the best ones share a small number of features, and that learners benefit from
knowing what to look for. This article explains what goes into a good partnership, from the
perspective of both institutions and learners.

## Shared goals, written down

Strong partnerships begin with a clear, shared understanding of why they exist. Is the aim to
provide supervised clinical exposure for undergraduates, observerships for graduates, structured
research opportunities or faculty exchange? Each requires different resources and different
commitments.

A formal agreement, often a memorandum of understanding, sets out these goals along with each
party's responsibilities. A useful agreement typically covers:

- the types of learners, their numbers and the duration of placements;
- supervision arrangements and the scope of activity allowed for learners;
- requirements for immunisation, insurance, background checks and induction;
- confidentiality, data protection and patient consent practices;
- how concerns or complaints will be handled;
- how and when the partnership itself will be reviewed.

## Supervision that is real, not nominal

The most important ingredient is good supervision. A partner hospital should be able to name the
clinicians responsible for learners and confirm that they have time set aside to teach. A programme
that places more learners than a team can reasonably supervise does a disservice to everyone,
including patients.

Good supervision also means clarity about what learners may and may not do. When boundaries are
explained on the first day, learners feel more confident, staff feel more comfortable involving
them, and patient safety is protected.

## Patients at the centre

Training happens in the presence of real people, often at vulnerable moments. A good partnership
makes patient dignity a visible priority. That includes seeking consent before learners are involved
in care, introducing learners honestly, respecting a patient's choice to decline and protecting
personal information. Institutions that take these steps seriously tend to be better teaching
environments in general.

## Named coordinators and clear communication

Partnerships succeed or fail on everyday communication. Each side should have a named coordinator
who can answer questions, resolve problems and keep records of placements. Learners should receive
clear information before they arrive: where to report, whom to contact, the daily schedule, what to
wear and what to do if they feel unwell or unsafe.

When something goes wrong, such as a cancelled placement, a conflict within a team or a safety
concern, a simple, agreed process for raising it stops small problems from growing.

### Feedback that runs in both directions

The strongest partnerships treat feedback as routine. Learners are asked about their experience at
the end of each placement, supervisors share observations about learners' preparation and
professionalism, and coordinators meet periodically to review what is working. Over time, this leads
to practical improvements: better induction materials, adjusted schedules and clearer expectations
for everyone.

Feedback also helps a partnership stay fair to both sides. A host hospital invests staff time and
goodwill in every learner, and it deserves to know that learners arrive prepared and leave having
contributed. Regular review keeps that exchange balanced.

## What learners can look for

If you are considering a placement through a partnership, a few questions can help you judge its
quality:

1. Is there a named supervisor and a named coordinator?
2. Is the scope of my role described in writing?
3. Will I receive an induction on arrival?
4. How can I give feedback or raise a concern, and to whom?
5. Have previous learners found the placement useful?

Clear, confident answers to these questions are usually the sign of a partnership that has been
built with care.

A good clinical partnership is not defined by the size or reputation of the institutions involved.
It is defined by shared goals, genuine supervision, respect for patients and honest communication.
These are the qualities we look for in every partner we work with, and they are what you should
expect as a learner.`,
  },
  {
    title: 'Your First Night Shift as an Intern: A Short Survival Guide',
    slug: 'first-night-shift-as-an-intern',
    excerpt: prose`
        Your first night on call can feel daunting. A little preparation, a careful handover and the
        habit of calling for help early make it manageable.
      `,
    category: 'internships',
    author: 'daniel-okafor',
    draft: true,
    related: ['keeping-an-internship-logbook', 'planning-a-clinical-rotation'],
    reviewer: 'meera-raghunathan',
    lastReviewedAt: '2026-11-24',
    nextReviewDueAt: '2027-11-24',
    audience: 'doctors',
    references: [SOURCES.feedback],
    body: `Your first night shift can feel daunting. The wards are quieter, there are fewer senior doctors
around and you may be responsible for more patients than you have ever looked after at once. With
some preparation, the night becomes manageable and is often a surprisingly good place to learn.

## Before the shift

- Sleep in the afternoon, even if only briefly.
- Eat a proper meal and carry water and a snack.
- Make sure you know how to reach your senior resident and the consultant on call.

## During the shift

Start with a careful handover. Write down the patients who are unwell, the tasks still pending and
any specific instructions from the day team. Prioritise tasks by clinical urgency, not by the order
in which they reach you.

When you are called to a patient who is deteriorating, assess them, start basic management and call
for help early. Nobody expects an intern to manage a very sick patient alone, and asking for help is
a sign of good judgement, not weakness.

Keep your notes clear and timed. A short, accurate entry written at the bedside is more useful than
a long one written hours later.

## After the shift

Hand over clearly to the morning team, go home safely and rest. If you feel too tired to drive, do
not drive.

Still to add: a section on the most common night-time calls and simple phrases for escalating
concerns to a senior.`,
  },
];

export const comments: SeedComment[] = [
  {
    article: 'usmle-step-2-ck-study-plan',
    key: 'c1',
    authorName: 'Priya Nair',
    authorEmail: 'priya.nair@example.com',
    body: prose`
      I'm starting internship in a few months. Is it realistic to prepare for Step 2 CK alongside
      internship duties, or should I wait until I finish? My medicine and surgery postings come first.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'usmle-step-2-ck-study-plan',
    key: 'c2',
    parent: 'c1',
    authorName: 'Setu Academic Team',
    authorEmail: 'mentors@example.org',
    badge: 'staff',
    body: prose`
      It can be done, but plan for a longer timeline. Many interns use heavier postings for steady
      content review and a small number of questions each day, then save the intensive, timed phase
      for a lighter posting or a period of leave. \n Since medicine and surgery come first, use them
      to connect what you see on the wards with what you read. Once you have your posting calendar,
      share it with us and we can help you map out the phases.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'usmle-step-2-ck-study-plan',
    key: 'c3',
    parent: 'c2',
    authorName: 'Priya Nair',
    authorEmail: 'priya.nair@example.com',
    body: "Thank you, that makes a lot of sense. I'll send the calendar as soon as our roster is out.",
    moderationStatus: 'approved',
  },
  {
    article: 'usmle-step-2-ck-study-plan',
    key: 'c4',
    authorName: 'Rahul Verma',
    authorEmail: 'rahul.verma@example.com',
    body: prose`
      How many self-assessments do people usually take before the exam? Seniors in my college have
      given me very different answers.
    `,
    moderationStatus: 'pending',
  },
  {
    article: 'documents-for-an-international-elective',
    key: 'c5',
    authorName: 'Aisha Khan',
    authorEmail: 'aisha.khan@example.com',
    body: prose`
      How long does the NOC from college usually take? Our dean's office says they need the host's
      offer letter first, but the host wants the NOC with the application. I feel stuck in a loop.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'documents-for-an-international-elective',
    key: 'c6',
    parent: 'c5',
    authorName: 'Sana Qureshi',
    authorEmail: 'programmes@example.org',
    body: prose`
      This loop is very common, Aisha. Ask your dean's office whether they can issue a provisional
      letter confirming that you are eligible and that the college supports your application in
      principle, with the final NOC to follow once you have an offer. Many hosts accept this. \n It
      also helps to email the host's elective coordinator, explain the sequence politely and ask what
      they will accept at the application stage.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'documents-for-an-international-elective',
    key: 'c7',
    authorName: 'Best Exam Deals',
    authorEmail: 'deals4u@example.com',
    body: prose`
      GUARANTEED elective placement + USMLE score boost!!! 100% success, no study needed, limited
      seats. Click now >>> https://example.com/cheap-guaranteed-offer
    `,
    moderationStatus: 'spam',
  },
  {
    article: 'documents-for-an-international-elective',
    key: 'c8',
    authorName: 'Karthik S.',
    authorEmail: 'karthik.s@example.com',
    body: prose`
      Does the police clearance certificate need to come from my home town or from the city where I
      study? I'm from Kerala but studying in Maharashtra.
    `,
    moderationStatus: 'pending',
  },
  {
    article: 'planning-a-clinical-rotation',
    key: 'c9',
    authorName: 'Neha Joshi',
    authorEmail: 'neha.joshi@example.com',
    body: prose`
      The tip about following one or two patients closely really worked for me in my paediatrics
      posting. I used to try to know everything about every patient and ended up remembering very
      little.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'planning-a-clinical-rotation',
    key: 'c10',
    parent: 'c9',
    authorName: 'Dr. Daniel Okafor',
    authorEmail: 'mentors@example.org',
    body: prose`
      Thank you for sharing this, Neha. Depth first and breadth later is a good principle for most
      postings. As you get more comfortable, you can add a third patient or pick someone with a more
      complex history to stretch yourself.
    `,
    moderationStatus: 'approved',
  },
  {
    article: 'keeping-an-internship-logbook',
    key: 'c11',
    authorName: 'Mohammed Irfan',
    authorEmail: 'm.irfan@example.com',
    body: prose`
      Is it okay to keep rough notes on my phone if I delete them after updating the logbook? Our
      hospital doesn't seem to have a clear policy on this.
    `,
    moderationStatus: 'pending',
  },
];

export const global: SeedGlobal = {
  siteName: 'Setu Medical Academy',
  tagline: 'Steady guidance from medical school to residency and beyond',
  contactEmail: 'hello@example.org',
  contactPhone: '+91 98765 43210',
  footerText: prose`
      Setu Medical Academy offers educational guidance and mentoring for medical students and young
      doctors. Information on this site is general and does not replace advice from your college,
      examination bodies or regulators.
    `,
  socialLinks: [
    { platform: 'instagram', url: 'https://www.instagram.com/setumedicalacademy' },
    { platform: 'facebook', url: 'https://www.facebook.com/setumedicalacademy' },
  ],
  disclaimer: prose`
      Our articles are written for education and career planning. They are not medical advice and do
      not replace the judgement of your supervisors, your college or a doctor who knows your situation.
    `,
  defaultSeo: {
    metaTitle: 'Setu Medical Academy | Training, USMLE and Electives',
    metaDescription: prose`
        Practical guidance for Indian medical students and young doctors on clinical training,
        internships, USMLE preparation, electives and clinical partnerships.
      `,
  },
};
