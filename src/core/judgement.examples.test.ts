/**
 * The everyday mail of issue 10, written for this project: service messages full of marketing words, sales
 * pitches dressed as help, and the routes they lead to. Each row is a real kind of draft a council officer, a
 * fundraiser or a business sends, with the verdict an ICO-minded reader gives it.
 */
import { describe, expect, test } from 'vitest';
import {
  type ContextInput,
  check,
  createChecker,
  type DirectMarketingLevel,
  type PrimaryPurpose,
  type Purpose,
  type Route,
} from './index.ts';

const DM: DirectMarketingLevel[] = ['yes', 'likely'];
/** A charity writing to a supporter, with the charity soft opt-in's conditions met. */
const SUPPORTER_MET: ContextInput = {
  sender: 'charity',
  relationship: 'supporter',
  softOptInConditions: 'met',
  recipientType: 'individual',
};
const NOT_DM: DirectMarketingLevel[] = ['no', 'unlikely'];

interface Row {
  name: string;
  subject: string;
  body: string;
  channel?: 'email' | 'sms';
  context: ContextInput;
  dm: DirectMarketingLevel[];
  purpose?: PrimaryPurpose;
  route?: Route;
  /** No evidence for this purpose may be shown (a cue read in the wrong sense). */
  noEvidenceOf?: Purpose;
}

const RECEIPT =
  'Dear Mr Shah,\n\nThank you for your donation of £50 to Riverside Hospice, received on 12 March. Your donation reference is RH-20931.\n\nBecause you told us you are a UK taxpayer, we will claim Gift Aid on your gift. This adds 25p to every £1 you give, at no cost to you. If your tax situation changes, please let us know.\n\nWith thanks,\nSupporter Care Team\nRiverside Hospice, registered charity 1098765';

const rows: Row[] = [
  {
    name: 'a donation receipt with a Gift Aid note is a service message',
    subject: 'Thank you for your donation',
    body: RECEIPT,
    context: { sender: 'charity' },
    dm: NOT_DM,
    route: 'not-direct-marketing',
  },
  {
    name: 'a Direct Debit increase the donor asked for is administration',
    subject: 'Your Direct Debit has been updated',
    body: 'Dear Ms Patel,\n\nThank you for speaking to us on the phone yesterday. As you asked, we have increased your monthly Direct Debit to Hope Animal Rescue from £5 to £10. The new amount will be collected from 1 June.\n\nYou do not need to do anything. Your Direct Debit is protected by the Direct Debit Guarantee.\n\nKind regards,\nSupporter Services',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: 'Electoral Services: register to vote is a statutory process',
    subject: 'Register to vote by 16 April',
    body: 'Dear resident,\n\nThe local elections are on Thursday 7 May. To vote, you must be on the electoral register. The deadline to register is midnight on 16 April. It takes five minutes at gov.uk/register-to-vote. You will need your National Insurance number.\n\nIf you are already registered at your current address you do not need to do anything.\n\nElectoral Services\nWestbury Borough Council',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'the response to a petition the reader signed is not campaigning',
    subject: 'Government responded to the petition you signed',
    body: 'Dear Jo,\n\nThe Government has responded to the petition you signed – "Fund free school meals for all primary pupils".\n\nGovernment responded: The Government recognises the importance of school meals and has no plans to change eligibility at this time.\n\nYou can read the full response on the petitions website.\n\nThis petition has over 10,000 signatures. At 100,000 signatures the petition will be considered for debate in Parliament.\n\nThanks,\nThe Petitions Committee',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'a bulletin with a football pitch, a primary school and a design competition is news',
    subject: 'Newbury weekly bulletin',
    body: "Welcome to this week's bulletin.\n\nThe new football pitch in Newbury will open on Saturday after resurfacing. The changing rooms remain closed until June.\n\nRoadworks on the A339 will close one lane from Monday for three weeks. Buses 1 and 2 are diverted via Market Street.\n\nNewbury primary school held its design competition for a new recycling poster; the winning design will go on the bin lorries.",
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'a sales pitch to a company is promotional; to corporate subscribers, reg 23 only',
    subject: 'Cut your fleet costs by 18%',
    body: 'Hi Sam,\n\nI noticed Harbour Logistics runs a fleet of around 40 vans. Our telematics platform helps firms like yours cut fuel costs by up to 18%.\n\nPlans start at £12 per vehicle per month, with no setup fee. I have attached a free report on fleet costs in your sector.\n\nWould you have 20 minutes next week for a quick demo?\n\nBest,\nTom Rees\nBusiness Development Manager, TrackWise Ltd',
    context: { sender: 'business', recipientType: 'corporate' },
    dm: DM,
    purpose: 'promotional',
    route: 'corporate-subscriber',
  },
  {
    name: 'the same pitch to a sole trader (or an unknown recipient) needs consent',
    subject: 'Payroll in ten minutes a month',
    body: 'Hello,\n\nStill running payroll on spreadsheets? PayEasy does it in ten minutes a month. For new customers this month we are offering 20% off the first year, and you can start a free 30-day trial today with no card needed.\n\nReply to this email and I will set you up.\n\nMark\nPayEasy',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
    route: 'consent-required',
  },
  {
    name: 'text-to-donate is fundraising, so the charity soft opt-in applies',
    subject: '',
    body: 'This winter thousands of people will sleep rough. Text SHELTER to 70070 to give £5 and help us open more beds. Thank you. Reply STOP to opt out.',
    channel: 'sms',
    context: { sender: 'charity', relationship: 'supporter', softOptInConditions: 'met' },
    dm: DM,
    purpose: 'fundraising',
    route: 'charity-soft-opt-in',
  },
  {
    name: "a charity's ticketed fundraising quiz night is fundraising, not a product",
    subject: 'Quiz night for the hospice',
    body: 'Dear supporter,\n\nJoin us for our annual fundraising quiz night on Friday 14 March at the Red Lion. Tickets are £10 per person for teams of up to six, and every penny raised goes to Riverside Hospice.\n\nBook your tickets at riversidehospice.example/quiz.\n\nTo stop receiving these emails, reply UNSUBSCRIBE.\n\nRiverside Hospice, registered charity 1098765',
    context: {
      sender: 'charity',
      recipientType: 'individual',
      relationship: 'supporter',
      softOptInConditions: 'met',
    },
    dm: DM,
    purpose: 'fundraising',
    route: 'charity-soft-opt-in',
  },
  {
    name: "signing up for a charity's sponsored event is fundraising, so the charity soft opt-in is offered",
    subject: 'Sleep out for young people this winter',
    body: 'Hi Alex,\n\nOn 6 February, people across the city will spend a night outdoors to raise money for young people with nowhere safe to stay. Will you be one of them? Sign up today and we will post you a fundraising pack. Every £30 you raise pays for a night in safe accommodation.\n\nReply STOP to opt out.\n\nThe events team, Harbour Youth Trust, registered charity 1176543',
    context: {
      sender: 'charity',
      recipientType: 'individual',
      relationship: 'supporter',
      softOptInConditions: 'met',
    },
    dm: DM,
    purpose: 'fundraising',
    route: 'charity-soft-opt-in',
  },
  {
    name: 'paying council tax by Direct Debit is not a request to give',
    subject: 'Your council tax bill',
    body: 'Dear resident,\n\nYour council tax bill for the year is attached. The first instalment is due on 1 April. If you already pay by Direct Debit you do not need to do anything. To set up a Direct Debit, visit our website.\n\nRevenues team, Eastwick District Council',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
    noEvidenceOf: 'fundraising',
  },
  {
    name: 'a cold introduction to a firm, asking for a short call, is a sales pitch',
    subject: 'Month-end in half the time',
    body: 'Hello,\n\nWe help accountancy firms like yours close the month in half the time. Our tool connects to your ledger in minutes. Could I send you a short case study, or shall we book a 15-minute call next week?\n\nKind regards,\nNina Shaw, Closewise Ltd',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "an MP's reply to a constituent's own case is not campaigning",
    subject: 'Re: the bus stop on Mill Lane',
    body: 'Dear Mrs Hall,\n\nThank you for your email about the bus stop on Mill Lane. I have written to the transport authority and asked them to restore it. I will let you know as soon as I hear back.\n\nYours sincerely,\nTom Reed MP',
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: "a school's trip letter asking parents to pay a contribution is administration, not an appeal",
    subject: 'Year 4 visit to the castle',
    body: 'Dear parents and carers,\n\nYear 4 will visit the castle on 9 June. Please sign the consent form and pay the £6 contribution through the school payments app by 30 May. Children will need a packed lunch and a waterproof coat.\n\nMr Lewis, Year 4 Lead, Brookside Primary School',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'asking a donor to complete a Gift Aid declaration for their gift is a service message',
    subject: 'Could we claim Gift Aid on your donation?',
    body: 'Dear Ms Patel,\n\nThank you for your donation last month. If you pay UK tax, we could claim an extra 25p for every £1 you gave, at no cost to you. You can complete the Gift Aid declaration at riversidehospice.example/giftaid.\n\nSupporter Care, Riverside Hospice',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "'give £20, get £20' is a refer-a-friend offer, not an appeal",
    subject: 'Give £20, get £20',
    body: "Hi Amir,\n\nEnjoying your veg boxes? Refer a friend and you'll both get £20 off your next box. Share your link: fieldfresh.example/r/amir.\n\nField Fresh",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'an ask with a colon ("Please donate today: £10 keeps…") is an ask, not a record line',
    subject: 'Winter appeal',
    body: 'Dear Sarah,\n\nPlease donate today: £10 keeps a family warm for a week.\n\nThank you,\nCity Cares',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a charity shop sale stays promotional',
    subject: 'Half price weekend in our shops',
    body: 'Dear supporter,\n\nThis weekend everything in our charity shops is half price, with 20% off furniture too. Pop into your local shop and grab a bargain: every sale helps Riverside Hospice.\n\nReply STOP to opt out.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a leaving-a-gift-in-your-will letter is fundraising',
    subject: 'A gift that lasts',
    body: 'Dear Mrs Evans,\n\nFor 40 years our nurses have cared for families at home. Would you consider leaving a gift in your will to Riverside Hospice? Even a small gift, after you have provided for your loved ones, helps us be there for the next family.\n\nOur free guide explains how. Reply to this email to request a copy.\n\nWith warm wishes,\nLegacy Team',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a charity's update on its work, with no ask, promotes its aims",
    subject: 'Spring news from the shelter',
    body: 'Dear friend,\n\nWhat a season it has been. Since January our team has rescued 46 dogs from the motorway verges, and we rehomed 31 of them with new families. Our volunteers spent the frosty mornings walking the older dogs, and caring for animals nobody else wanted is still at the heart of what we do.\n\nLast month we were shortlisted for a regional award, and the recognition for our work lifted everyone.\n\nWith warm wishes from all at Meadow Lane Dog Shelter',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a members' club round-up with nothing about a cause is not marketing",
    subject: 'Club news: November',
    body: 'Hello all,\n\nNovember was busy. Twelve of us met for the walk round the reservoir, and the book group finished its crime novel. The quiz team came third at the Red Lion. Sue spoke about her years as a prison governor, which was fascinating.\n\nSee you at the next meeting.\nAnne, secretary',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: 'a school named Primary is not an election',
    subject: 'Your account has been transferred',
    body: 'Hello Mr Ahmed,\n\nThe admin account for Brook Lane Primary School has been transferred to you. You can now add teachers and reset pupil passwords.\n\nThe Support Team',
    context: { sender: 'business' },
    dm: NOT_DM,
    noEvidenceOf: 'campaigning',
  },
  {
    name: "a change to the customer's own connection is a service message",
    subject: 'Changes to your broadband connection',
    body: 'Dear customer,\n\nAs we wrote last month, your broadband connection is now being moved to our new network. You chose not to keep the old package at £6 per month more, so nothing else changes. There may be a short break in service on the day.\n\nCustomer Services',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a party's invitation to its election-night party is campaigning: coming along carries the party's aims",
    subject: 'Join us on election night',
    body: 'Dear friend,\n\nThe count is on Thursday and our candidates need every voice behind them. Join us for our election night party at the Corn Exchange from 10pm, and bring a friend who shares our values.\n\nTogether we can win this seat.\n\nPromoted by A. Jones on behalf of Westshire Liberal Democrats, 1 High Street, Westshire.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a campaign's 'sign up for updates' asks for a channel, not a sale: the purpose stays campaigning",
    subject: 'The bus cuts vote is next week',
    body: 'The county council votes next Tuesday on cutting the 41 and 42 bus routes. Thousands of people rely on them to reach work, school and hospital.\n\nWe are asking every councillor to vote against the cuts. Sign up for updates and we will tell you how your councillor voted.\n\nSave Our Buses campaign',
    context: { sender: 'other' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: 'a consultative cold pitch with no sales words is still a sales pitch (reg 23 for a company)',
    subject: 'Your stockroom',
    body: "Hi Ben,\n\nI spotted that Hartley Tiles has just taken on the unit next door - congratulations.\n\nWe're a small shelving installer based in Wakefield, and we fit out stockrooms for around 60 independent builders' merchants across Yorkshire. Most of the owners we talk to lose an hour a day hunting for stock.\n\nIf it's useful, I can pop over and measure up - it takes half an hour and you'd have a written quote by Friday.\n\nAll the best,\nLiam\nRackRight Ltd",
    context: { sender: 'business', recipientType: 'corporate' },
    dm: DM,
    purpose: 'promotional',
    route: 'corporate-subscriber',
  },
  {
    name: 'the same pitch to an unknown recipient needs consent (reg 22), never "not marketing"',
    subject: 'Quick question',
    body: 'Hello,\n\nWe help dental surgeries like yours cut their card fees. One practice in Leeds told us they saved £90 a month after switching.\n\nWould you be open to a 15-minute call next week?\n\nRegards,\nPriya\nTillway Payments',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a price rise the contract provides for is a notice the reader is owed, not an offer',
    subject: 'Your mobile plan price from April',
    body: 'Dear Ms Green,\n\nWe are writing to tell you about a change to the monthly price of your mobile plan, as set out in your contract.\n\nFrom 1 April your SIM-only plan will cost £14.50 a month instead of £13.50. You do not need to do anything: the new amount will be taken by Direct Debit.\n\nYours sincerely,\nCustomer Accounts',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: 'an overdue-invoice reminder to a customer is credit control',
    subject: 'Invoice 4471 overdue',
    body: 'Dear Accounts,\n\nOur records show that invoice 4471 for £620.00 was due on 2 May and is now 10 days overdue. If you have already paid, thank you. If not, please arrange payment or let me know if there is a query.\n\nKind regards,\nCredit Control',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: 'a legacy ask that "means a great deal" is fundraising, and the idiom is no deal',
    subject: 'Something I wanted to ask you',
    body: 'Dear Mr Evans,\n\nYour support over the years means a great deal to all of us at Hillside Hospice.\n\nOne in four of the families we care for is supported thanks to people who remembered Hillside in their will. Once you have provided for your loved ones, would you think about leaving a gift to Hillside in your will?\n\nWith thanks,\nAnna',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
    noEvidenceOf: 'promotional',
  },
  {
    name: 'recruiting volunteers promotes a charity: direct marketing',
    subject: 'Could you help on Saturdays?',
    body: "Hi Sam,\n\nOur food bank is busier than ever, and we are looking for a few more people who can give three hours a week to sort donations and greet visitors.\n\nNo experience needed. Fancy giving it a go? Reply to this email and I'll send you the dates.\n\nThanks,\nMo, Volunteer Coordinator",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "tickets for a charity's gala where every penny raised goes to the cause are fundraising",
    subject: 'Our autumn ball',
    body: 'Dear friends,\n\nOur autumn ball returns to the Assembly Rooms on 8 November, with dinner, dancing and a raffle. Every penny raised will go towards our new hydrotherapy pool.\n\nTickets are £75 and places are limited, so book early at example.org/ball.\n\nBest wishes,\nThe Events Team',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a council leisure centre's membership price is a sale, not a donation ask",
    subject: 'Spring into fitness',
    body: 'Get fit this spring at Brookfield Leisure. Our Flex membership is just £22 a month for your first two months, with unlimited swimming and classes.\n\nJoin online before 31 March.\n\nBrookfield Leisure, run by Brookfield Borough Council',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
    noEvidenceOf: 'fundraising',
  },
  {
    name: 'a council selling sponsorship of its roundabouts is promoting a paid service: likely, until the public task says otherwise',
    subject: 'Sponsor a roundabout',
    body: 'Dear business owner,\n\nWestfield District Council invites local firms to sponsor one of our 12 roundabouts. For £900 a year your company name and logo will appear on the signs, and we will keep the flowers in bloom.\n\nTo book a site, email our commercial team.\n\nCommercial Services, Westfield District Council',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'the same sponsorship offer stays marketing when the council says it is necessary: a paid-for service (ICO)',
    subject: 'Sponsor a roundabout',
    body: 'Dear business owner,\n\nWestfield District Council invites local firms to sponsor one of our 12 roundabouts. For £900 a year your company name and logo will appear on the signs, and we will keep the flowers in bloom.\n\nTo book a site, email our commercial team.\n\nCommercial Services, Westfield District Council',
    context: { sender: 'public-authority', publicTaskNecessary: 'yes' },
    dm: DM,
  },
  {
    name: 'a council asking residents to give unwanted furniture to its reuse shop is a waste service, not fundraising',
    subject: 'Changes at Eastfield recycling centre',
    body: 'From Monday the recycling centre opens 8am to 6pm, and cars no longer need to book.\n\nPlease donate unwanted furniture in good condition to the reuse shop at the entrance rather than putting it in the skips.\n\nWaste Services, Eastfield Council',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
    noEvidenceOf: 'fundraising',
  },
  {
    name: "a school newsletter's cake sale for school funds is fundraising by a public body: marketing",
    subject: 'Newsletter: week 6',
    body: 'Dear parents,\n\nYear 4 visit the castle on Thursday: please send a packed lunch.\n\nOur Friends of Hilltop cake sale is on Friday after school, raising money for new library books. Please come along and bring a cake if you can!\n\nMrs Ahmed, Headteacher',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a charity place's pledge under a heading ('What we ask: …') is still the ask, not a record",
    subject: 'Run the marathon for us?',
    body: "Hi Joe,\n\nWe have 20 charity places for next year's marathon, and applications open today.\n\nWhat we ask: a registration fee of £50 and a fundraising pledge of at least £2,000 for our helpline.\n\nApply by 30 June: example.org/marathon\n\nSophie, Challenge Events",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a club's fixture list with a subs reminder is members' admin: nothing is promoted",
    subject: 'U11 fixtures',
    body: 'Hi all,\n\nHere are the fixtures for the rest of the season. Kick-off is 10am unless stated.\n\nSat 4 Apr - Home v Penrith\nSat 11 Apr - Away at Keswick (meet at the club at 9)\n\nPlease let me know by Wednesday if your child cannot play. Subs for the season (£15) must be paid to the treasurer by 31 March.\n\nThanks,\nGav',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: 'a booking confirmation that sells an add-on at a price is marketing as a whole (ICO: promotion added)',
    subject: 'Your booking is confirmed',
    body: 'Hi Sam,\n\nThanks for booking. Your tickets are below.\n\nDate: Sunday 3 August\nBooking reference: FP-20331\n\nGates open at 10am.\n\nThere are a few places left on our pony-grooming session that afternoon. Add it to your visit for £15 per child. Upgrade now before it sells out.\n\nFernhill Farm Park',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a donation receipt whose 'please keep this email' is an instruction is still a receipt",
    subject: 'Your donation receipt',
    body: 'Dear Mr Lowe,\n\nThank you for your donation of £30.00 on 4 March in memory of Joan Lowe.\n\nReceipt number: HH-88120\nGift Aid: Yes - we will claim £7.50 on your gift\n\nPlease keep this email as your receipt. If any of your details are wrong, please call our supporter care team.\n\nSupporter Care, Harbour House Hospice',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: 'a cancelled show: the refund and a free swap of the reader’s own tickets offer nothing',
    subject: 'Cancelled: tonight’s performance',
    body: "Dear Ms Ray,\n\nWe're very sorry: tonight's performance has had to be cancelled because of illness in the company.\n\nYou don't need to do anything to get your money back. A full refund of £42.00 will reach your card within five working days.\n\nIf you would rather come another night, you can swap your tickets free of charge for any date this month. Just call the box office.\n\nBox Office, Riverside Theatre",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "an order's 'Free gift wrap: Yes' is the customer's own choice, not an offer",
    subject: 'Your order is on its way',
    body: 'Hi Jo,\n\nYour order has been dispatched.\n\n- Garden Birds of Britain (hardback) x1\n- Free gift wrap: Yes (message: "Happy birthday Dad")\n\nTracking number: RM 5512 8830 GB\nEstimated delivery: Friday\n\nThanks for shopping with us,\nPage & Post Books',
    context: { sender: 'business' },
    dm: NOT_DM,
    noEvidenceOf: 'promotional',
  },
  {
    name: "a candidate's 'I'd be grateful for your vote' campaigns, polling station hours or not",
    subject: 'Before Thursday',
    body: "Dear Mr and Mrs Cole,\n\nI have been proud to serve Riverside ward for four years, and on Thursday I'm standing again.\n\nI'd be grateful for your vote. Polls are open from 7am to 10pm at St Mark's Hall, and if you need a lift to the polling station, just reply.\n\nBest wishes,\nAmy Hart",
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a recruiter's check-in with candidates for the reader's role and a reduced fee is a sales pitch",
    subject: 'Quick catch-up?',
    body: "Hi Dev,\n\nI noticed you've got a couple of roles up on LinkedIn, including a site manager in Hull. We've placed three site managers in East Yorkshire this year, and I've got two strong candidates for the role who are actively looking.\n\nWe're also running a spring offer for new clients: a reduced fee on any placement before June.\n\nWould you be free for a 15-minute call on Thursday?\n\nRegards,\nKate, Humber Recruitment",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
    noEvidenceOf: 'campaigning',
  },
  {
    name: "a parish meeting's statutory notice is not campaigning because its agenda names a speed-watch campaign",
    subject: 'Notice of Annual Parish Meeting',
    body: "Dear Parishioner,\n\nNotice is hereby given that the Annual Parish Meeting of Upper Ashby will be held on Tuesday 12 May at 7pm in the Village Hall.\n\nAgenda\n1. Apologies\n2. Chairman's report\n3. Update on the speed-watch campaign\n4. Questions from parishioners\n\nClerk to Upper Ashby Parish Council",
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'a free NHS vaccination is a public service, not a free offer',
    subject: 'Your flu vaccination',
    body: 'Dear Mr Khan,\n\nYou are eligible for a free NHS flu vaccination this autumn. Clinics run on Saturday mornings in October at the surgery.\n\nMeadowside Surgery',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
    noEvidenceOf: 'promotional',
  },
  {
    name: "a heading's 'no child should…' is prose, not a form's 'No': the appeal stays an appeal",
    subject: 'Winter appeal',
    body: 'Winter appeal: no child should be cold this winter, please donate today.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a charity shop's appeal for donated goods that raise money is fundraising",
    subject: 'Clear out for heart research',
    body: 'Please donate your unwanted clothes and books at your nearest Heart Aid shop: every bag raises up to £25 for heart research.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "'Click here to see the new range' is a shop's call, not a link to the reader's own thing",
    subject: 'New in',
    body: 'Our new autumn collection has landed. Click here to see the new range.',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a booked collection's 'free' is a detail of the reader's own booking, not an offer",
    subject: 'Your collection is booked',
    body: "Hi Mr Lane,\n\nThanks for offering your furniture to our Bristol store. We've booked a free collection for Friday 9 May between 8am and noon.\n\nPlease have the items ready by the front door. If you need to change the date, reply to this email.\n\nCollections Team, Hope House Furniture Store",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: 'the end of a free trial nobody is asked to pay for is an account notice',
    subject: 'Your free trial ends on 9 May',
    body: 'Hi Jo,\n\nThis is a quick account notice: your free trial of Tallyho ends on 9 May.\n\nWe have not taken any card details, so you will not be charged. After that date your account becomes read-only, and you can export your data for 30 days.\n\nTallyho Support',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "the same message with 'upgrade now for £8 a month' pushes an offer: marketing",
    subject: 'Your free trial ends on 9 May',
    body: 'Hi Jo,\n\nThis is a quick account notice: your free trial of Tallyho ends on 9 May.\n\nWe have not taken any card details, so you will not be charged. Upgrade now to keep every feature for just £8 a month.\n\nTallyho Support',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a party's 'join today' promotes the party: campaigning, not a sale",
    subject: 'Be part of it',
    body: 'Our councillors have fought for every library and bus route in this town. Join today and help us win in May.\n\nPromoted by K. Lee on behalf of Northtown Green Party, 3 Mill Lane, Northtown.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: 'a thank-you that asks in so many words for a donation is fundraising, whoever sends it',
    subject: 'Thank you',
    body: 'Hello Maria,\n\nThank you for your support this year. Please consider making a donation today so the advice line can stay open through the winter.\n\nWarm wishes,\nJo',
    context: {},
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a condition about the reader's past vote asks nothing; the donation ask decides the purpose",
    subject: 'They think you are the problem',
    body: "If you've voted for us before or are planning to vote for us next week, the other side thinks you are the problem. Prove them wrong: rush a donation of £10 before midnight to keep our adverts running.",
    context: { sender: 'political' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a get-out-the-vote drive named as the work that money pays for is fundraising',
    subject: 'Our final push',
    body: 'Every pound we raise this week goes to our get out the vote operation. Can you add a £10 contribution to fund our final weekend of door-knocking?',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a university's compulsory notice about the student's own modules is a service message, free credit or not",
    subject: 'Action needed: choose your Semester 2 modules',
    body: 'Dear Tom,\n\nOur records show that you have not yet chosen your optional modules. You must do this by 5pm on 6 February.\n\nLog in to the student portal and go to My Modules. Your free printing credit of £10 has now been added to your student card.\n\nStudent Records\n\nThis is a compulsory service email about your studies. You cannot unsubscribe from these messages.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a GP's invitation to book a free NHS vaccination is the public task, 'book now' or not",
    subject: '',
    channel: 'sms',
    body: 'Elm Street Surgery: Hi Sam, you are eligible for a free NHS flu vaccine. Book now in the NHS App or call 01632 960123.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'race-day logistics for a registered runner are a service message, free bag drop and all',
    subject: 'Your race pack - Harbour 10K (bib 1182)',
    body: "Hi Ola,\n\nRace day is nearly here!\n\nBib number: 1182\nStart: 9.30am, Harbour Green\n\nYour bib will be posted to you this week. There is a free bag drop by the start and a free water station at 5K. If you collected sponsorship in cash, you can pay it in at our tent on the day; if it was all online, you don't need to do anything.\n\nGood luck!\nEvents Team",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a notice that the reader's own free trial ends, with the plan they chose, administers their contract",
    subject: 'Your free trial ends on 3 May',
    body: 'Hi Lee,\n\nYour 14-day free trial of Pantry Box ends on Saturday 3 May. Unless you cancel, your subscription will continue on the plan you chose when you signed up.\n\nPlan: 2 meals a week\nPrice: £24.99 a week\n\nTo change or cancel, go to Account > Subscription.\n\nPantry Box Customer Care',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "an accountant's check-in that offers a new paid review at a fixed fee is a sales approach",
    subject: 'Checking in',
    body: "Hi Sam,\n\nHope business has been good since we filed your return in January.\n\nWith Making Tax Digital arriving in April, we've kept a few slots free in March for a readiness review - we'll look at your records and set up your software. It's a fixed fee of £120 + VAT for existing clients.\n\nIf that sounds useful, just reply with a time that suits.\n\nBest,\nAnna",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a council's priced leisure membership is promotional, not a purpose-less 'likely'",
    subject: 'Your new year, your way',
    body: "Hi Chris,\n\nIf getting active is on your list this year, our Active Plus membership gives you unlimited swimming and gym access at all our leisure centres. It's £30 a month, with no joining fee if you sign up before 31 January.\n\nThe Leisure Team, Borough Council",
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a food bank asking for volunteers to sort donations campaigns; sorting donations is no money ask',
    subject: 'Could you spare a Saturday morning?',
    body: 'Hi Lou,\n\nWe urgently need more volunteers for our Saturday sessions, especially warehouse helpers to sort and check donations and drivers to collect from supermarkets. Even one Saturday a month makes a huge difference.\n\nIf you would like to get involved, fill in the short form on our website.\n\nThe Volunteer Team, Northside Food Bank',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a carers' newsletter that ends with a gift of £5 a month asks for money",
    subject: 'Spring newsletter',
    body: "Hello Pat,\n\nOur memory cafe now meets on the first Tuesday of each month at the village hall. Everyone is welcome.\n\nOur helpline receives no government funding. If you're able to, a gift of £5 a month would help us keep it open. You can set up a gift on our website.\n\nTake care,\nThe Carers Network",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "an MP's office confirming a constituent's surgery appointment is casework, not campaigning",
    subject: '',
    channel: 'sms',
    body: "Office of Sam Reid MP: your appointment at Friday's advice surgery is confirmed - Fri 3 Jul, 4:40pm, Eastgate Library. Please bring any letters about your case. To cancel call 020 7946 0123.",
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: "a runner's race-day text with their race number is a service message, free bag drop or not",
    subject: '',
    channel: 'sms',
    body: 'Hi Ana, the City 10K is this Sunday! Your race number is 5120 - collect it from our tent on the square from 7:30am. Free bag drop by the start. Good luck! Heartwise',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a campaign group's text calling supporters to march campaigns",
    subject: '',
    channel: 'sms',
    body: 'Keep Our Buses: this Saturday we march from the bus station to the Civic Centre, 11am. Bring banners! Help us show the council what cuts would mean. Reply STOP to opt out',
    context: { sender: 'other' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: 'a LinkedIn-sourced B2B opener with a product built for the problem and a chat proposed is a sales pitch',
    subject: 'Quick question, Omar',
    body: 'Hi Omar,\n\nSaw on LinkedIn that your practice has just opened a second clinic - congratulations!\n\nMost multi-site practices we speak to are still booking staff across sites with spreadsheets. We built Rosterly for exactly that: one rota for every site, with hours flowing into payroll.\n\nWorth a 15-minute chat next week?\n\nBest,\nKate',
    context: { sender: 'business', recipientType: 'corporate' },
    dm: DM,
    purpose: 'promotional',
    route: 'corporate-subscriber',
  },
  {
    name: "the sender's own plans ('I'll try it for a couple of days') ask nothing of the reader",
    subject: 'Re: the sync bug',
    body: "I have a patch that works now. I'll try it for a couple of days and check the logs before I send it to the list.\n\nCheers,\nRob",
    context: {},
    dm: NOT_DM,
  },
  {
    name: "a council's garden-waste renewal with an early-bird price and 'tell your neighbours' sells a paid service",
    subject: 'Garden waste - renew now and save £5',
    body: "Dear resident,\n\nYour garden waste subscription ends on 31 March. Renew now before 28 February and you'll pay the early bird price of £45 instead of £50. Tell your neighbours too - new sign-ups this month get the discount.\n\nWaste Services, Borough Council",
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity shop's half-price sale is promotional",
    subject: 'Half price coats this Saturday',
    body: "Hi,\n\nIt's Jan from the Hope Rescue shop on the high street. We've had lots of winter coats donated, so everything on the coat rail is half price this Saturday only.\n\nEvery purchase helps our dogs. See you Saturday!\n\nJan",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a receipt text that offers a free coffee on the next visit for a review is marketing',
    subject: '',
    channel: 'sms',
    body: 'Thanks for visiting Acorn Coffee. Receipt: 1x latte £3.20, paid by card. Leave us a review and show this text for a free filter coffee on your next visit: acorn.example/review',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a supplier's contractual notice of a licence price rise is a service message",
    subject: 'Licence price change from 1 April',
    body: "Hi Jo,\n\nAs per clause 5.1 of your support agreement, this is your 30 days' notice that the price of your email licences is rising from £5.00 to £5.60 per user per month from 1 April. Your 12 licences will go from £60.00 to £67.20 a month.\n\nNo action needed.\n\nSam, Account Manager",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a hospital's appointment reminder with free patient parking is a service message",
    subject: '',
    channel: 'sms',
    body: 'City Hospitals NHS Trust: Reminder - you have an appointment at the Eye Clinic, Mon 9 Mar at 14:20. Free parking for patients in Car Park B. To cancel or rebook reply CANCEL or call 01632 960999.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a plumber running late for the reader's own job is a service message, free callout and all",
    subject: '',
    channel: 'sms',
    body: "Hi, it's Dev from DK Heating. Running about 15 mins behind for your boiler repair, sorry. Should be with you about 11:15. Price as quoted £90, free callout still applies.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: 'a sponsorship pitch with priced packages to a named company contact is marketing',
    subject: 'Sponsorship opportunities - Midlands Retail Summit',
    body: "Dear Mr Khan,\n\nI'm getting in touch as head of partnerships for the Midlands Retail Summit on 3 June. We believe your company would be a great fit as a sponsor.\n\nHeadline sponsor - £9,000: main stage branding and a stand\nSession sponsor - £4,500: a branded seminar\n\nWould you have 20 minutes for a call next week?\n\nKind regards,\nLena",
    context: { sender: 'business', recipientType: 'corporate' },
    dm: DM,
    purpose: 'promotional',
    route: 'corporate-subscriber',
  },
  {
    name: "a university's appeal to a graduate for a gift of £10 a month is fundraising, not a price",
    subject: 'A small favour',
    body: 'Dear Amy,\n\nThis year we hope to fund 15 bursaries for students from low-income homes. Could you support them with a gift of £10 a month? Every gift is being matched by a former student, so it goes twice as far.\n\nYou can give at our website.\n\nBest wishes,\nAlumni Relations',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a PTA's raffle tickets bought online raise money: fundraising, not a shop",
    subject: 'Summer fair raffle',
    body: 'Hi all,\n\nRaffle tickets for the summer fair came home in book bags today (£1 a ticket). Please send the money back in the envelope by Friday or buy online at our PTA page.\n\nFirst prize is a family pass to the zoo. All money raised goes towards the new library.\n\nThe PTA team',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a solicitor offering past clients a free will review is promoting its services',
    subject: 'Free will review for our clients',
    body: "Dear Mrs Bell,\n\nWe last helped you with your will in 2017, and a lot can change in that time.\n\nFor April only we're offering past will clients a free 30-minute review with our private client team. To book, just reply to this email.\n\nKind regards,\nRuth",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a recruiter's follow-up offering a candidate for a fee is a sales approach",
    subject: 'Re: Finance Manager - following up',
    body: "Hi Paul,\n\nJust following up on my email last week.\n\nI've got a very strong finance manager (ACCA, 10 years) looking for a move in your area, and I think she'd be a great fit for your team. Happy to send over her CV.\n\nOur fee is 15%. Would you have 10 mins for a call this week?\n\nThanks,\nZara",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a school newsletter that prices a PTA quiz night raising money fundraises',
    subject: 'Weekly newsletter',
    body: 'Dear Parents and Carers,\n\nYear 3 trip - consent forms must be returned via the parent app by Friday.\n\nPTA Quiz Night - Friday 20 March, 7pm in the hall. £8 per person, teams of up to six. All money raised goes towards new play equipment. Tickets from the PTA page.\n\nMrs Shaw, Headteacher',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "an energy supplier's end-of-fix notice with boiler cover from £8 a month added is promotional",
    subject: 'Your fixed tariff ends on 30 April',
    body: "Hi Sam,\n\nYour Fix 12 tariff ends on 30 April. If you don't choose a new tariff, you'll move to our standard variable tariff. To choose a tariff, log in to your account.\n\nProtect your home this winter: add our boiler cover from just £8 a month. Add it before 30 April and your first three months are free.\n\nThe Energy Team",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a bank's 'you're pre-approved for a loan' is a financial promotion",
    subject: "Good news - you're pre-approved",
    body: "Hi Dan,\n\nBased on how you manage your current account, you're pre-approved for a personal loan of up to £10,000. Representative 6.9% APR.\n\nChecking your rate takes two minutes in the app.\n\nYour Bank",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a rescue shop looking for friendly volunteers to help on the till campaigns',
    subject: 'Could you spare a Saturday?',
    body: 'Hi Mo, our rescue shop on the high street is looking for friendly volunteers to sort donations and help on the till on Saturdays. No experience needed. Reply to this email or sign up on our website.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: 'asking the reader to confirm they are happy to keep hearing about offers is marketing in itself',
    subject: 'Update your preferences',
    body: "Hi Ben, we're tidying up our records. We'd love to keep sending you news of seasonal bakes and app-only offers. Tap below to confirm you're happy to hear from us by email. If you don't, we'll only contact you about your orders.",
    context: { sender: 'business' },
    dm: DM,
    route: 'consent-required',
  },
  {
    name: "a union's notice of a statutory industrial action ballot is governance, not a campaign",
    subject: 'Notice of industrial action ballot',
    body: 'Dear member,\n\nThis notice is to let you know that the union will be holding a statutory ballot for industrial action of members employed by the trust. Ballot papers will be posted to your home address on 3 March and the ballot closes on 31 March. By law, voting is by post only.\n\nPlease check now that we have your correct home address.\n\nThe Branch Secretary',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: 'an unsubscribe confirmation is a service message',
    subject: "You've been unsubscribed",
    body: "Hi Lin, you've been removed from our campaign emails and we've added your address to our suppression list, so you won't be emailed again by mistake.",
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: "a mobile network's data-cap alert is a service message",
    subject: '',
    channel: 'sms',
    body: "You've used 100% of your 20GB data allowance. Your data is now capped until your allowance renews on 14 March. Calls and texts are unaffected.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a giving account's top-up receipt telling the reader to choose the amount they'd like to donate is a service message",
    subject: 'Your giving account has been topped up',
    body: "Dear Jo,\n\nThank you for transferring £200 into your giving account. Your reference is GA-55120.\n\nTo give from your balance, log in to your account, pick a charity and choose the amount you'd like to donate to it. Any unspent balance stays in your account for 90 days.\n\nThe Giving Account Team",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a flight booking confirmation with a partner's car-hire discount and hotel prices added is marketing",
    subject: 'Your booking ref 8KQ2ZP',
    body: 'Hi Ana,\n\nThanks for booking with Skyline. Booking reference: 8KQ2ZP\nOutbound: Fri 22 Aug, 06:15\n\nComplete your trip: save 15% on car hire with our partner RoadGo - an exclusive rate for Skyline customers. Hotels from £45 a night when you book by Sunday.\n\nThe Skyline team',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a raffle's results text that puts the next raffle's tickets on sale fundraises",
    subject: '',
    channel: 'sms',
    body: 'Scouts Summer Raffle: winning tickets are 0457 and 1120 - winners will be contacted today. Thanks for playing! Christmas raffle tickets now on sale, £1 each: scouts.example/raffle',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a shop's 'spend £40 or more' is a price, not a gift: promotional whoever sends it",
    subject: 'Summer sale',
    body: 'Our summer sale is on! Spend £40 or more and get free delivery. Order now while stocks last.',
    context: {},
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a sum with a word of giving stays a gift: 'give just £5 ... £10 or more could feed a family'",
    subject: 'This winter',
    body: 'Give just £5 today. £10 or more could feed a family for a week.',
    context: {},
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a party's 'just £5 a month' is a gift: a party sells nothing",
    subject: 'Back our local team',
    body: 'Become a Friend of Riverside Greens for just £5 a month and help us win more seats in May.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a supplier's boiler cover 'from just £8 a month' is a price",
    subject: 'Protect your home this winter',
    body: 'Add our boiler cover from just £8 a month, including an annual service and 24/7 repairs.',
    context: {},
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a nursery's note on statutory funded childcare hours is administration, not a free offer",
    subject: 'Funded hours - please reconfirm your code',
    body: 'Dear Parents,\n\nFrom September, eligible working parents can receive up to 30 hours a week of free childcare during term time. To keep your funded place you must reconfirm your eligibility every three months. Please send us your new code by 31 August.\n\nThe Nursery Manager',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a garage's MOT booking text with a free check included is a service message",
    subject: '',
    channel: 'sms',
    body: 'Hi Pat, your MOT for AB12 CDE is booked at Hill Road Garage on Tue 14 Apr at 9:00am. A free tyre check is included with your booking. Need to change? Call 0113 496 0000.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a party's call to join the fight that asks in words for a donation toward its goal is fundraising",
    subject: 'Final days',
    body: 'Join the team for the final push. Every vote counts on Thursday, and we are still short of our target: please help us hit our critical goal with a donation before midnight.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a landlord's 'book now' for the gas safety check due under the tenancy is a service message",
    subject: 'Gas safety check due',
    body: 'Your annual gas safety check is due under your tenancy agreement. Book now using the link below.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "an academy's 'book now' for parents' evening is school administration, whoever it is registered as",
    subject: "Parents' evening",
    body: "Parents' evening for Year 8 is on 10 March. Book now via the school app.",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a fare rule on the reader's own booking ('pay half price on your booking') offers nothing",
    subject: 'Your tickets',
    body: 'Under-5s travel free and children aged 5 to 15 pay half price on your booking. Booking reference: RT55120.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a staff discount applied as requested is the reader's own deal",
    subject: 'Your order',
    body: "As requested, we've applied your staff discount, so you save 15% on this order. Order number: 7710.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: 'pre-approval for the mortgage the reader applied for is a service message',
    subject: 'Your application',
    body: "Good news: you've been pre-approved for the £200,000 mortgage you applied for. Your adviser will call you tomorrow.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: 'a loan agreement that states its representative APR and repayment is a service message',
    subject: 'Your loan agreement',
    body: 'Your loan agreement is attached. The representative APR is 8.9% and your monthly repayment is £180.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a cold appeal's 'choose the amount you'd like to donate' is still an ask",
    subject: 'Emergency appeal',
    body: "Families fleeing the floods need food and shelter now. Choose the amount you'd like to donate at our website.",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a salon giving £5 to charity for every haircut booked is promoting itself',
    subject: 'This week only',
    body: "This week we'll give £5 to the hospice for every haircut booked at our Hightown salon.",
    context: {},
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a party's 'join our GOTV push' asks the reader to join it",
    subject: 'Saturday',
    body: 'Join our GOTV push this Saturday! We need 20 volunteers at the office from 10am.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "'just £5 could buy a warm blanket' from a charity is a gift, not a price",
    subject: 'Tonight',
    body: 'Just £5 could buy a warm blanket for someone sleeping rough tonight. Reply YES to send £5.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'thanks for deciding to buy tickets acknowledges the purchase',
    subject: 'Your tickets',
    body: 'Thanks for deciding to buy your tickets with us. Your e-tickets will arrive 48 hours before the show.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "'our records show' does not hide an upgrade pitch ('switch to Fibre 500 today')",
    subject: 'Your plan',
    body: "Our records show you're still on our old broadband plan. Switch to Fibre 500 today.",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'telling the reader about a statutory scheme such as the Warm Home Discount is not promotion',
    subject: 'Warm Home Discount',
    body: 'You may be eligible for the £150 Warm Home Discount. Apply by 31 March using the form on our website.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a members' AGM notice where all voting for business items is by proxy is governance, not a campaign",
    subject: 'AGM arrangements',
    body: 'The society AGM will be held at 11am on 7 July. The ballot is now open and will close at midday on 6 July. All voting for AGM business items will be by proxy, ahead of the meeting.',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  // Session 7: blind probes' lessons, each in new words.
  {
    name: 'a lottery payment that failed is administration, jackpot and all',
    subject: '',
    channel: 'sms',
    body: "Brightwater Hospice Lottery: we weren't able to collect your weekly £1 for your lottery numbers. To stay in Saturday's £2,000 draw, update your payment details at brightwater.example/pay. If you'd rather stop playing, you don't need to do anything.",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "an energy supplier's end-of-fix notice with the reader's options is a service message",
    subject: 'Your fixed deal is ending',
    body: 'Dear Customer,\n\nYour Fix 24 tariff with Northfield Power ends on 31 August.\n\nIf you do nothing, you will move to our Standard Variable tariff, which based on your usage would cost about £1,710 a year. Our cheapest tariff for you is Fix 12 at about £1,655 a year. You can switch tariff or supplier with no exit fees in the 49 days before your fixed deal ends.\n\nNorthfield Power Ltd',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a union's ballot logistics are not a campaign, even telling members not to miss their vote",
    subject: 'Your ballot paper is on its way',
    body: "Dear Member,\n\nBallot papers for the statutory industrial action ballot will be posted to home addresses from 10 May by the independent scrutineer. The ballot closes at noon on 31 May and only postal votes count.\n\nPlease make sure your home address is up to date in your member record so you don't miss out on your vote.\n\nRegional Office",
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: "a charity shop's note to its volunteers about the donations room asks nobody for money",
    subject: 'Saturday cover + stock room',
    body: "Hi team,\n\nSaturday afternoon still needs someone on the till, shout if you can.\n\nThe donations room is full, so please don't take in any more bric-a-brac until the van comes on Thursday.\n\nThanks all,\nJo\nShop Manager",
    context: { sender: 'charity' },
    dm: NOT_DM,
    noEvidenceOf: 'fundraising',
  },
  {
    name: "an accountant's request for a client's records, pension contributions included, is client service",
    subject: 'Your tax return - what we need',
    body: "Hi Amir,\n\nWe're ready to start on your return. Could you send us your P60, your bank interest statements and a note of your pension contributions for the year?\n\nYou can upload them to the client portal.\n\nThanks,\nRuth",
    context: { sender: 'business' },
    dm: NOT_DM,
    noEvidenceOf: 'fundraising',
  },
  {
    name: "a party's text with an imprint asking for help leafleting campaigns",
    subject: '',
    channel: 'sms',
    body: "Hi Sue, it's Raj from the Riverside Greens. We're out leafleting Mill Lane on Sunday from 11 - could you do an hour? Promoted by P Lee on behalf of Riverside Greens, 4 Canal St. Reply STOP to opt out",
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a club's bring-a-friend discount is a sale, however it asks to be passed on",
    subject: 'Bring a friend - 25% off their first season',
    body: "Hi Tom,\n\nThis summer we're giving 25% off a first season's membership to anyone you bring along, and you'll get a free club T-shirt for each friend who joins.\n\nJust forward this email to them.\n\nMembership Secretary\nLakeside Rowing Club",
    context: { sender: 'other' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a repairs text with a PS selling a partner's insurance is direct marketing",
    subject: '',
    channel: 'sms',
    body: 'Harbour Homes: your boiler service is booked for Mon 4 May, 8am-1pm. To rearrange call 0300 111 2222. PS Cover your contents from £1.50/wk with our partner insurer: harbourhomes.example/cover',
    context: { sender: 'other' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a petition that wants to reach a number of signatures campaigns, it does not fundraise',
    subject: 'Can you help us reach 20,000?',
    body: 'Dear Ali,\n\n17,000 people have signed our petition for safe crossings outside every primary school. Can you help us reach 20,000 before we take it to the Transport Secretary?\n\nSign now: saferstreets.example/crossings\n\nThank you for standing with us.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a quote sent in reply to the customer's own request, quoted below it, is not unsolicited marketing",
    subject: 'Re: Bathroom quote',
    body: 'Hi Mrs Lowe, as requested, the written quote for the walk-in shower is attached: £4,200 including tiling. The sale price is held until the end of the month. Any questions, just call.\n\nDan\n\nOn Mon, 3 Mar, Jean Lowe wrote:\n> Hi Dan, thanks for coming out. Could you send me the written quote for the walk-in shower we discussed? Jean',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "an IT firm's low-key note about a new service it sells is a pitch",
    subject: 'something you might find useful',
    body: "Hi Claire,\n\nHope the new server is behaving.\n\nThought you'd want to know we've started offering managed backups for a few of our clients - a lot of insurers now ask for them. We can have it all set up within a week. Happy to talk it through when I'm next in.\n\nCheers,\nSam\nDirector, Harbourside IT",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a tradesman's invoice with a new paid plan pitched in it is direct marketing",
    subject: 'Invoice and a quick one',
    body: "Hi Mr Ford,\n\nInvoice for replacing the outside tap attached (£95).\n\nAlso, I've started doing an annual service plan for regular customers, £9 a month covers the boiler service and call-outs. Plenty of people have signed up already. Let me know if you want in and I'll send the form.\n\nGary",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "an estate agent's cold text with a free valuation to ring for is direct marketing",
    subject: '',
    channel: 'sms',
    body: "Hi, it's Kate at Brook Lettings. We've just let a house on your street in 4 days! Thinking of letting yours? Free no obligation valuation: 01632 960777. Reply STOP to opt out",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity's 'do you still want to hear from us?' is marketing, and for a charity it is fundraising",
    subject: 'Do you still want to hear from us?',
    body: "Dear Ms Wood,\n\nWe haven't heard from you in a while, and we only want to write to people who want to hear from Fieldside Wildlife Trust.\n\nIf you'd like to keep getting our emails, with news from our reserves and ways you can help, please click the button below.\n\n[Keep me in touch]\n\nIf we don't hear from you by 31 July, we'll stop emailing you.",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a library's reservation text with a café's 2-for-1 is a public body selling",
    subject: '',
    channel: 'sms',
    body: "Westholm Libraries: your reserved book is ready to collect at Central Library until 12/05. Pop into the Central Library Cafe while you're here for 2-for-1 cakes all week! Reply STOP to opt out of offers.",
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a GP surgery's private clinic with fees is a paid service, not the NHS task",
    subject: '',
    channel: 'sms',
    body: 'Oakfield Surgery: Travelling this year? Our private travel clinic now offers typhoid and rabies vaccines. Fees apply, from £40 per dose. Book online at oakfieldsurgery.example/travel. Reply STOP to opt out.',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a hospital appointment letter that asks for a donation to the hospital's charity fundraises",
    subject: 'Your appointment - Cardiology',
    body: 'Dear Mrs Reid,\n\nThis is to confirm your appointment on Tuesday 9 June at 2.15pm in Outpatients C.\n\nIf you need to rearrange, please call the Appointments Centre on 01632 960300.\n\nOur hospital charity pays for the things the NHS cannot. If you would like to support it, you can donate at westfieldcharity.example/give or text HEART3 to 70085 to give £3.\n\nOutpatient Bookings Team',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a charity's sponsored walk sign-up is fundraising, entry fee and all",
    subject: 'Riverside Ramble 2026 - are you in?',
    body: "Hi Mark,\n\nYou raised £280 on last year's ramble! The Riverside Ramble is back on 13 September. Entry is £12 and we ask walkers to try to raise £150 for the children's hospice.\n\nSign up at hospicewalk.example/ramble - early bird entry is £8 until July.\n\nSee you there,\nEvents team",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a councillor's text about the reader's own pothole is casework",
    subject: '',
    channel: 'sms',
    body: 'Hi Mrs Ahmed, Cllr Tom Price here. Highways tell me the pothole outside no. 3 Elm Road will be repaired on Thursday. Let me know if it is still there on Friday. Tom',
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: 'an airline check-in notice that sells paid extras is direct marketing',
    subject: 'Check-in is open for your flight',
    body: 'Hi Ana,\n\nOnline check-in is now open.\n\nFlight BX402 - Manchester to Faro, departs Sat 2 Aug 06.40. Booking ref: HT5KQ2\n\nMake your trip even better:\n- Extra legroom from £12\n- Add a 20kg bag for £28 (save £8 on airport prices)\n- Fast track security from £6\n\nBluesky Air',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a trade body's note on new regulations for its members is member service",
    subject: 'New refrigerant rules from 1 April - what you need to do',
    body: 'Dear Member,\n\nNew refrigerant handling rules come into force on 1 April. Engineers must hold the updated certificate by 30 September, and service records must now be kept for six years.\n\nOur member guide explains each change: guild.example/members/rules (login needed). Our technical helpline can answer questions about your own jobs.\n\nAs you know, the Guild argued for a longer transition, and the deadline was moved to September.\n\nTechnical Team',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: 'a nudge to a charity runner to share their fundraising page is fundraising',
    subject: '',
    channel: 'sms',
    body: "Hi Leon, 2 weeks to the Riverside 10k! You've raised £95 of your £250 for Ashby Children's Hospice - share your page with friends this weekend: ashby.example/leon Reply STOP to opt out",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'an energy price-cap notice, with the Priority Services Register and the no-exit-fees line, is a service message',
    subject: 'Your energy prices are changing',
    body: "Dear Mr Bell,\n\nYour account number: 55102093\n\nThe energy price cap changes on 1 January, so your unit rates and standing charges will change. Based on your usage, your annual cost will go up by about £22.\n\nYou don't need to do anything.\n\nIf you or someone in your home has a long-term health condition, you can join our free Priority Services Register. You can switch tariff or supplier at any time. There are no exit fees on your tariff.\n\nEastgate Energy Ltd",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "an MP's office updating a constituent on their own case is casework",
    subject: '',
    channel: 'sms',
    body: "Office of Sam Lowe MP: Hi Mrs Baker, an update on your case (ref SL/4410). The DWP has confirmed your appeal will be heard by 20 May. We'll be in touch if we hear more.",
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: 'a thank-you to a volunteer with the shift details asks for nothing',
    subject: 'Your first shift',
    body: "Thank you for volunteering with us at the food bank. Your first shift is Tuesday from 10am; we'll be sorting and checking donations, so please wear sensible shoes.",
    context: { sender: 'charity' },
    dm: NOT_DM,
    noEvidenceOf: 'fundraising',
  },
  {
    name: "a reply to the reader's question that adds a priced upsell is not solicited as a whole",
    subject: 'Re: Delivery date',
    body: "Thanks for your enquiry. Your table will be delivered on Friday between 7am and 11am. While we're at it, why not protect it with our 3-year stain cover - just £49, 20% off this week. Add it today!\n\n> Could you confirm my delivery date please?",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a councillor's reply about a matter raised on the doorstep is casework, canvassing or not",
    subject: 'The broken fence on Mill Walk',
    body: 'Thank you for talking to me when I was canvassing on Mill Walk last week. As promised, I have reported the broken fence to the parks team and will let you know when I hear back.\n\nCllr Amy Shaw',
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: "a GP practice's new evening clinics are a public service, not a seller's opening",
    subject: '',
    channel: 'sms',
    body: "We've started offering evening appointments on Wednesdays for blood tests. Book through the NHS App or call reception.",
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'an order confirmation with a lower-case p.s. selling insurance is direct marketing',
    subject: 'Your order',
    body: 'Thanks for your order 66120 - your new tablet will arrive on Thursday. p.s. protect it with our accidental damage cover from £3.99 a month. Add cover today!',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity's question whether the reader still wants its shop's news is marketing for its shop",
    subject: 'Still want to hear from us?',
    body: 'Would you like to keep hearing from us about news from our online shop, with new Christmas cards and gifts? Click here to stay in touch.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a text-to-donate receipt with "questions about your gift?" asks for nothing',
    subject: '',
    channel: 'sms',
    body: 'Thank you! Your £3 donation to Moorside Hospice has been received and will be added to your phone bill. Questions about your gift? Call 01632 960440.',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a helpline's follow-up sending the free guide the caller asked for is a solicited reply",
    subject: 'The guide you asked for',
    body: 'Hi Tom, thanks for calling our advice line today. As promised, here is the link to our free guide to Attendance Allowance, the one you asked for: ageline.example/guide. Call us back if you have more questions.',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a courier's delivery slot with free redelivery is a service message",
    subject: '',
    channel: 'sms',
    body: 'QuickDrop: Your Fernleigh order is arriving tomorrow between 13:10 and 14:10. Not in? Pick a safe place at quickdrop.example/t/9Xk2. Free redelivery if we miss you.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a campaign group's text urging people to back its side in a consultation campaigns",
    subject: '',
    channel: 'sms',
    body: "Save Millbrook Park: the council's consultation on building on the park closes Friday. Tell them you oppose the plans - it takes 2 mins: savemillbrook.example/respond Reply STOP to opt out",
    context: { sender: 'other' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: 'a lapsed donor asked to restart their support at £4 a month is asked for a gift, not sold something',
    subject: 'We miss you',
    body: "It's been a year since your last gift to Valley Cat Rescue, and your donations helped us rehome 20 cats. Could you restart your support with just £4 a month? It takes a minute at valleycats.example/restart.",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a dispatch notice that gives money off the next order is direct marketing',
    subject: 'Your order is on its way',
    body: 'Hi Sam, your order #BK-22019 (3 paperbacks) was dispatched today, tracking number 6612 0093 1181. To say thanks, here is 10% off your next order with code THANKS10, valid for 60 days.',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'an energy price-change text that says the reader may switch at any time with no exit fee sells nothing',
    subject: '',
    channel: 'sms',
    body: 'Northgate Energy: Hi Ms Price, from 1 April the prices on your Standard Variable tariff are going down. Electricity 24.5p per kWh, standing charge 52p a day. You do not need to do anything. You can switch tariff or supplier at any time with no exit fee.',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a reply to a supporter's question about leaving a gift in their Will, signed by the Gifts in Wills Officer, is solicited",
    subject: 'RE: A gift in my Will',
    body: 'Dear Mrs Hale,\n\nThank you for getting in touch. As you asked, here are the details your solicitor will need: our full name, Riverside Hedgehog Rescue, and our registered charity number, 1160001.\n\nYou do not have to tell us if you include us in your Will.\n\nKind regards,\nSam Ortiz\nGifts in Wills Officer\nRiverside Hedgehog Rescue\n\n> From: Joan Hale\n> I am updating my Will and would like to leave something to the rescue. Could you send me the details my solicitor will need?',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a councillor's ward newsletter that asks readers to help deliver it campaigns, casework and all",
    subject: 'Riverside Ward News - Autumn',
    body: 'Dear Neighbour,\n\nHere is what I have been working on as your councillor. The new crossing on Park Road has been approved and will be built in the spring.\n\nIf you would like to help us deliver this newsletter, or put up a poster in your window, please reply to this email.\n\nCllr Dev Patel\n\nPromoted by Dev Patel on behalf of the Riverside Independents, 3 Park Road.\nYou are receiving this because you signed up at riversidenews.example.',
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a school's letter asking for a trip's voluntary contribution on ParentPay is not a fundraising appeal",
    subject: 'Year 4 trip to the science museum',
    body: 'Dear Parents and Carers,\n\nYear 4 will visit the science museum on 12 March. The coach and workshop cost £11 per pupil, and we are asking for a voluntary contribution of £11 towards this. No child will be left out because their family cannot contribute.\n\nPlease give consent and, if you are able to, make your contribution on ParentPay by 1 March.\n\nThank you.',
    context: { sender: 'public-authority' },
    dm: ['unclear', 'unlikely', 'no'],
  },
  {
    name: "a takeaway's offer text that asks for a yes or no is still an offer",
    subject: '',
    channel: 'sms',
    body: "Luigi's: fancy 2 large pizzas for £16 this Saturday? Reply YES or NO and we'll ring you back. STOP to end",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a party's canvass text that asks for a yes or no about the reader's vote campaigns",
    subject: '',
    channel: 'sms',
    body: "Hi Jo, it's Amir from Eastbrook Greens. Will you be voting for Kim Lau on Thursday? Reply YES or NO. Promoted by R Day on behalf of Eastbrook Greens, 2 Mill St.",
    context: { sender: 'political' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: '"as promised, the offer you asked about" with money off is still a sale',
    subject: 'The offer you asked about',
    body: 'As promised, here is the offer you asked about! Thanks for calling us last week. This month only, get 20% off all our bathroom suites and free fitting. Book your design visit today and quote BATH20.',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'getting your copy of a renewal form is no purchase',
    subject: 'Your library book',
    body: 'Your library book is due back on 3 June. Get your copy of the renewal form from the desk, or renew online.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a leisure centre's closure text offering members another pool meanwhile makes up for the service",
    subject: '',
    channel: 'sms',
    body: "Northside Leisure: the sports hall is closed Mon 3 - Fri 7 March for floor repairs. During the closure we're offering all badminton members free court time at Southside Leisure Centre - just show your card. Sorry for any inconvenience.",
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a fire service's confirmation of a home safety visit the resident asked for is a service message",
    subject: 'Your home fire safety visit',
    body: 'Dear Ms Lane,\n\nThank you for requesting a home fire safety visit. Your appointment is on Thursday 10 April between 2pm and 4pm.\n\nTwo of our team will test your smoke alarms and fit new ones free of charge if needed.\n\nTo rearrange, call 01632 960888 quoting reference HF-2210.\n\nCommunity Safety Team',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a bank's statement email with a pre-approved credit card offer is direct marketing",
    subject: 'Your statement is ready',
    body: "Hi Ruth,\n\nYour April statement for your current account ending 4471 is ready to view in online banking.\n\nAs a valued Eastfield customer, you're pre-approved to apply for our Cashback Credit Card, with 0% on purchases for 18 months and 1% cashback. Check your eligibility in the app.\nRepresentative 23.9% APR (variable).\n\nEastfield Bank",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'an end-of-fix text that says the reader moves to the standard tariff with no exit fees sells nothing',
    subject: '',
    channel: 'sms',
    body: "Westway Energy: your Fix 18 tariff ends on 30 September. If you don't choose a new tariff you'll move to our Standard Variable tariff, with no exit fees. Your end of fixed term notice is in your account.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a charity's free will-writing offer with a soft legacy mention is fundraising",
    subject: 'Free will-writing for our supporters',
    body: 'Dear Mrs Cole,\n\nThis spring we are offering our supporters a free will-writing service with a local solicitor.\n\nThere is no obligation to remember us in your will. But a gift of any size in your Will could help us care for rescued horses for years to come.\n\nTo book your free appointment, call Anna on 01632 960555.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a closure notice that sells something priced meanwhile is still marketing',
    subject: '',
    channel: 'sms',
    body: 'Northside Leisure: the sports hall is closed this week for floor repairs. During the closure, why not try our new cafe - 20% off all drinks!',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a text asking the reader to call a freephone number to claim a voucher is a promotion',
    subject: '',
    channel: 'sms',
    body: 'Good news! Call 0800 612 4410 to claim your free £250 shopping voucher before Friday. Txt STOP to 60012 to opt out',
    context: {},
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a furniture shop's closing down sale is a promotion",
    subject: 'Everything must go',
    body: 'Our closing down sale starts on Saturday at the Harbour Road showroom. Sofas, beds and dining sets, with two for the price of one on all mattresses.\n\nHarbour Furniture',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a colleague's note that other people can get a quote offers the reader nothing",
    subject: 'Re: insurance for the volunteers',
    body: 'Hi Priya,\n\nThe Scouts down the road had the same problem last year. They went to a specialist broker and they can then get a quote for the whole group in a day. Might be worth asking them who they used.\n\nBen',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: 'a discussion of free software licences offers nothing for free',
    subject: 'Re: licences for the new website',
    body: 'I read the article on free software licences you sent. As far as I can see the GPL is fine for our plugin as long as we publish our changes. Shall we talk it through on Tuesday?',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: "a landlord's gas safety text that ends with a partner's priced insurance is direct marketing",
    subject: '',
    channel: 'sms',
    body: "Kestrel Housing: your boiler service is booked for Tue 4 Feb, 8am-1pm. Please make sure we can get in. To rearrange call 0300 555 0101. PS Cover your contents from £1.40 a week with our partner's home insurance: kestrelhousing.example/cover",
    context: { sender: 'other' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity's sponsored walk with an entry fee and a sponsorship target is fundraising",
    subject: '',
    channel: 'sms',
    body: 'Step out for Ashby Hospice! Sign up for our Moonlight Walk on 14 June for £12 and aim to raise £120 in sponsorship: ashbyhospice.example/moonlight Reply STOP to opt out',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a short-term loan text is a promotion',
    subject: '',
    channel: 'sms',
    body: 'Short of cash before payday? Borrow up to £500 today, decision in minutes. Apply: fastfunds.example/go Representative APR 1100% (variable). STOP to 70444',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a courier's delivery text with a partner's free trial is direct marketing",
    subject: '',
    channel: 'sms',
    body: 'ParcelHop: your parcel from Greenleaf arrives Thu 9:40-10:40. Change your slot: parcelhop.example/t/77. Partner offer: enjoy 3 months of StreamBox FREE at parcelhop.example/streambox',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a retailer's product recall with a refund and free replacement is a safety notice",
    subject: 'Safety recall: Brightway 2-slice toaster',
    body: 'Dear Customer,\n\nOur records show that you bought a Brightway 2-slice toaster from us in March. A fault in the timer can cause it to overheat. Please stop using your toaster and unplug it.\n\nReturn it to any of our stores for a full refund, or book a free collection online and we will refund you or send a free replacement.\n\nCustomer Safety Team',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a charity shop's Retail Gift Aid statement is administration",
    subject: 'Your Retail Gift Aid statement',
    body: "Dear Mr Osei,\n\nThank you for donating goods to Oakfield Hospice shops. Last tax year your items sold for £54.20, and we will claim £13.55 in Gift Aid on these sales.\n\nIf you don't want us to claim Gift Aid on the sales of your goods, please tell us within 21 days and we will pass on the proceeds as a donation without Gift Aid. Please also tell us if you are no longer a UK taxpayer.\n\nRetail Gift Aid Team",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a cafe's loyalty offer in its newsletter is a promotion",
    subject: 'News from the Corner Cafe',
    body: "Hello everyone,\n\nOur autumn menu is here, with soups and pies all week.\n\nDon't forget our loyalty card: buy five coffees, get your sixth free.\n\nSee you soon,\nMaya",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a supplier's follow-up that cites a rollout elsewhere and asks for a call is a sales pitch",
    subject: 'RE: your warehouse lighting',
    body: "Hi Dan,\n\nJust checking in on my email below. Since then we've completed an installation with a cold-store operator in Hull, and their lighting bills are down by a fifth. I think there's a similar saving for Brook Foods.\n\nWould 20 minutes on Thursday work for a quick call?\n\nSam Lee\nLumaFit Ltd",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a residents' group urging members to object to a planning application is campaigning",
    subject: 'Please object to the quarry extension',
    body: "Dear member,\n\nThe committee has agreed to oppose the quarry extension at Hill End. Comments close on 2 June. We urge all members to object to the application: our guide is at hillendresidents.example/object\n\nThank you,\nThe Hill End Residents' Group",
    context: { sender: 'other' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a race organiser's notes for entrants, with a free medal and prizes, are event logistics",
    subject: 'Riverside 10k - race info',
    body: 'Hi all,\n\nThanks for entering the Riverside 10k on Sunday.\n\nREGISTRATION: the boathouse from 8am. Bring your number.\nPRIZES: trophies for the first three in each category. Free medal for every finisher.\nPARKING: free in the rugby club field.\n\nIf you can no longer run, let me know so we can offer your place to someone on the waiting list.\n\nJo, Race Director',
    context: { sender: 'other' },
    dm: NOT_DM,
  },
  {
    name: "an electrician's seasonal text with a fixed price for this month only is a promotion",
    subject: '',
    channel: 'sms',
    body: 'Hi, Sparks & Co here. Time for your annual safety check? £70 fixed price for existing customers this month only. Call 07700 900512 to book. Reply STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "an optician's reminder with a cut-price offer in its postscript is direct marketing",
    subject: '',
    channel: 'sms',
    body: 'Clearview Opticians: reminder of your eye test Mon 3rd 2.15pm. PS this month only, designer frames are £89 (usually £149) - ask when you come in!',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a tutor's reward for every friend who signs up is a refer-a-friend promotion",
    subject: '',
    channel: 'sms',
    body: "Well done on your exams Sam! If any friends need maths tutoring, send them my way - for every friend who books a term I'll knock £25 off your next invoice. Priya",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a GP practice's text about its private travel clinic's prices promotes a paid service",
    subject: '',
    channel: 'sms',
    body: 'Meadow Lane Surgery: travelling this summer? Our private travel clinic offers typhoid (£45/dose) and hepatitis A jabs. Book 6 weeks before you go: 01632 960400',
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a hospice's sponsored swim that asks each swimmer to raise money is fundraising",
    subject: 'Swim for St Anne’s',
    body: "Dear Lee,\n\nOur Swimathon is back on 20 September at Castle Pool, and we'd love you to take part. Entry is £10, and we ask every swimmer to try to raise £50 - enough for a day of care at home.\n\nSign up at stannes.example/swim\n\nSt Anne's Hospice",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a pub's prices for a party, sent in answer to the customer's own questions, are a solicited reply",
    subject: 'Re: Party on 3 May',
    body: "Hi Jo,\n\nYes, the back room is free on 3 May. To answer your questions: room hire is £90 and the buffet is £12 a head. We'd need a £40 deposit to hold the date.\n\nThanks\nKaren, The Plough\n\n-----Original Message-----\nFrom: Jo Reid\nSubject: Party on 3 May\n\nHi, is the back room free on 3 May? Can you let me know the price and what food you do? Jo",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a community centre's notice that its hirers' bookings move at no extra charge is a service message",
    subject: 'Sports hall closed 1-12 April',
    body: "Dear hirer,\n\nThe sports hall at Elm Road Centre is closed from 1 to 12 April for repairs. Regular bookings will move to the small hall for those two weeks at no extra charge. Please tell me if that won't work for your group.\n\nThanks for your patience.\nBookings Secretary",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a charity's confirmation of the supporter's own preference change, naming the Fundraising Preference Service, is administration",
    subject: 'Your contact preferences',
    body: "Dear Ms Hale,\n\nThank you for calling us last week. As you asked, we will no longer send you appeals by post. We will still write to you about your monthly Direct Debit.\n\nIf you'd like to stop contact from other charities too, the Fundraising Preference Service can help.\n\nSupporter Care",
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a council's cost-of-living letter with free warm spaces and the discounts residents are entitled to is its public task",
    subject: 'Help with the cost of living',
    body: 'Dear resident,\n\nWe are writing to households who receive Council Tax Reduction about help this winter. You can apply for up to £100 from the Household Support Fund.\n\nOur libraries are warm spaces where you can have a hot drink and charge your phone free of charge.\n\nIf you are worried about paying your council tax, call us: we can check you are getting every discount you are entitled to.\n\nRevenues and Benefits',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'a pension statement that ends with cashback for transferring other pensions in is direct marketing',
    subject: 'Your annual pension statement',
    body: 'Dear Mr Shaw,\n\nYour annual statement for your Harbour personal pension is ready to view in your online account. Your plan was worth £41,230 on 5 April.\n\nGot pensions elsewhere? Transfer them to Harbour by 30 June and get up to £300 cashback. Find out more at harbour.example/transfer.\n\nHarbour Pensions',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a council leisure centre's price for a year's membership stays a paid service, not fundraising",
    subject: 'Swim all year',
    body: "Join Riverside Leisure Centre this January: it's £120 for a year's membership, with unlimited swimming and gym sessions. Sign up at the front desk.",
    context: { sender: 'public-authority' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a wildlife charity's new-year letter inviting readers to join at £15 a year is fundraising",
    subject: 'Happy new year from the reserve',
    body: "Thank you for all the bird food you brought in over Christmas. This year we hope to restore two more ponds. We hope you will join us - it's £15 for a year's membership - and you'll get our spring newsletter.\n\nMarsh End Wildlife Trust",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a school's trip letter that offers a word in confidence about the contribution asks for no gift",
    subject: 'Year 4 trip to the castle',
    body: 'Dear Parents and Carers,\n\nYear 4 will visit Conwy Castle on Tuesday 9 June. The coach will leave at 9am and return by 3pm. Please send a packed lunch.\n\nThe trip costs £9 per pupil, and we are asking for a voluntary contribution towards it. No child will be left out. If you would like to talk to someone in confidence about the contribution, please contact Mrs Price in the office.\n\nYear 4 Team',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a council's notice of new parking charges, up from the old ones, is a price-change notice",
    subject: 'Car park charges from May',
    body: 'Pay and display charges are changing from 1 May. Parking at Bridge Street car park will cost £1.50 an hour, up from £1.20. Use the app or the machines on site.\n\nLowfield District Council',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'a licence renewal reminder stating the statutory fee sells nothing',
    subject: 'Renew your licence',
    body: 'Renew your TV Licence before 30 September. A colour licence costs £174.50. Pay in one go or spread the cost by Direct Debit.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a council's debt advice that asks whether residents need money before payday is no loan offer",
    subject: 'Worried about money?',
    body: "Need up to £500 before payday? Don't turn to loan sharks. Our free money advice team can help you with debts and benefits. Call 0300 555 0199.\n\nMidford Council",
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a firm's warning about scam texts that quote an offer is not its own offer",
    subject: 'Protect yourself from scam texts',
    body: "We've seen texts pretending to be from us offering 'two for the price of one' breaks and asking you to claim your £500 voucher. We will never text you a link like this.\n\nSunbay Holidays security team",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a charity's text asking supporters to tell friends they can give by text is still an ask",
    subject: '',
    channel: 'sms',
    body: 'Tell your friends: they can give £5 to Heartline by texting HEART to 70085. Thank you! Reply STOP to opt out',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a diner's 'kids eat free' text is a promotion",
    subject: '',
    channel: 'sms',
    body: "Kids eat free this half term at Dale's Diner! Enjoy a free kids' meal with every adult main. Book at dales.example. Reply STOP to opt out",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a colleague's note to sign a leaving card asks for no signature on a campaign",
    subject: 'Leaving lunch',
    body: "Hi all,\n\nBring a dish to share on Friday for Raj's leaving lunch. Sign the card in the kitchen before Thursday.\n\nMo",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a school's note of what a cinema trip costs, paid on ParentPay, is its charge for the trip",
    subject: 'Year 2 cinema trip',
    body: 'Dear parents,\n\nChildren need £3 by Monday for the Year 2 cinema trip; please pay on ParentPay. The trip is on Thursday afternoon.\n\nOakfield Primary',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a claims firm's no-win-no-fee pitch for delayed flights is a promotion",
    subject: 'Train delayed?',
    body: "Train delayed by an hour or more? You could claim up to £80 back. We'll handle your claim for just 20% - no win no fee. Start at railclaim.example.",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity's sleep-out that asks people to sign up and raise vital funds is fundraising",
    subject: 'Sleep out this winter',
    body: 'Join us for the Winter Sleep Out on 6 December. Sign up today and raise vital funds for people sleeping rough in Leeds. Registration is £15.\n\nNightshelter Leeds',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a housing repair text asking that someone 18+ is in names no age-limited promotion',
    subject: '',
    channel: 'sms',
    body: 'Westmoor Homes: repair appt confirmed for job 55120 (boiler) Thu 9 Oct 8am-12pm. Pls make sure someone 18+ is in. To rearrange call 0300 555 0177.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'an offer that mentions scams is still an offer',
    subject: 'Stay safe online',
    body: 'Protect yourself from scams with SafeNet Premium - 40% off this week only. Upgrade at safenet.example.',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity's appeal against fraudsters still asks for money",
    subject: 'Stop the fraudsters',
    body: 'Help us fight the fraudsters who target older people: please donate £10 today at elderwatch.example/give.\n\nElderwatch',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "an invitation to ask about a discount is an offer, not the reader's own question",
    subject: '',
    channel: 'sms',
    body: 'Ask us about our discount for NHS staff at any Brightside branch this month. Reply STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity-run gym's monthly membership price is a sale, not supporter membership",
    subject: '',
    channel: 'sms',
    body: "Join Westgate Community Fitness today - it's £22 for a month's membership, including classes and the pool. Reply STOP to opt out",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a bank's note that the customer can borrow up to their overdraft limit before interest is account information",
    subject: 'Your arranged overdraft',
    body: 'Your arranged overdraft limit is £500. You can borrow up to £500 before any interest is charged on your current account ending 2291.\n\nNorthway Bank',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a shop's was-price reduction is a sale, not a price-change notice",
    subject: '',
    channel: 'sms',
    body: 'Winter coats now £45, down from £90, at Hollis & Co this weekend. Reply STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a furniture shop's interest-free finance is an offer",
    subject: '',
    channel: 'sms',
    body: 'Ask about our interest-free finance on all beds this weekend at Dreamwell Reading. Reply STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a shop's Black Friday deals are a promotion",
    subject: '',
    channel: 'sms',
    body: 'Our Black Friday deals on TVs and laptops start at 8am at Techzone Swindon. Reply STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a heading before an offer with a modal in it is no record field',
    subject: '',
    channel: 'sms',
    body: "Half-term treat: under-5s can eat free all week.\nRosa's Kitchen. Reply STOP to opt out",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a seller's name before a price with its terms heads an advert, not a record",
    subject: '',
    channel: 'sms',
    body: 'Ironworks Gym Salisbury: £24.50 for a month of unlimited classes, no joining fee. Sign up at the desk.',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a label that asks before a price with an offer in it is an offer with a colon',
    subject: 'Friends of the Museum',
    body: "Join the Friends' Tea Room Club: £8 for a year's membership gets you 15% off every pot of tea in the museum café.",
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a payment line for a school trip stays a record',
    subject: 'Year 4 trip to the Roman villa',
    body: 'Dear parents,\n\nThe Year 4 trip to the Roman villa is on Thursday 12 June.\n\nPay now: £14.50 for the coach and entry, by 30 May.\n\nThank you,\nSchool Office',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: '"no" after a membership word is not a membership number',
    subject: '',
    channel: 'sms',
    body: "Start today at FitHub Romsey - it's £21 for a month's membership, no contract.",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a warning that prices rise, with a call to order first, sells',
    subject: '',
    channel: 'sms',
    body: "Our prices rise on 1 March - order your log burner before prices go up and lock in this year's price: stoveworks.example",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a notice that prices will change is not a sale',
    subject: 'Changes to your tariff',
    body: 'Dear Mr Cole,\n\nWe are writing to let you know that our prices rise on 1 April in line with inflation. Your new monthly payment will be £42.10. You do not need to do anything.\n\nCustomer Services',
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a child's appointment with a free treatment note is a reminder",
    subject: '',
    channel: 'sms',
    body: "Reminder: Maisie's check-up is on Wed 9 July at 10.40am. As she is under 18, her treatment is free of charge. Reply C to cancel.",
    context: { sender: 'business' },
    dm: NOT_DM,
  },
  {
    name: "a footer's switch to fewer emails is not a call to switch",
    subject: 'Thank you for coming on Saturday',
    body: 'Thank you for joining the litter pick on Saturday - the volunteers filled 46 bags.\n\nToo much email? Switch to our less email option in your preferences.',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a new member's thank-you repeats their membership's price line: their record, not an offer",
    subject: 'Welcome to the Friends',
    body: 'Dear Mr Okafor,\n\nThank you for joining the Friends of Castle Museum.\n\nCastle Museum Friends: £30 for a year, free entry to all our winter lectures\nMembership number: CMF-4410\n\nWith best wishes,\nMembership Secretary',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: 'an audience label before a price with an offer heads an advert',
    subject: '',
    channel: 'sms',
    body: 'New customers: £9.99 for your first month, free set-up and no joining fee. Sign up at brightnet.example',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a charity shop's sale stays promotional when its only appeal is that the takings help",
    subject: '',
    channel: 'sms',
    body: '3 for 2 on all books and DVDs this weekend at the Hillside Hospice shop, Market Row! Every penny helps our nurses. Reply STOP to opt out',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'an appeal beside a shop offer still reads as fundraising',
    subject: 'Our winter appeal',
    body: 'Please give to our winter appeal today: £15 keeps a family warm for a week. Every penny helps. Our shop also has 20% off Christmas cards.',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a grant lure for free home improvements with scarce funding sells',
    subject: '',
    channel: 'sms',
    body: 'Homeowners near you may be eligible for FREE new windows under a government energy scheme. Check in 1 minute: warmgrant.example. Limited places remaining! Reply NO to stop',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a school letter's title-case cost line is a record, whatever compromise makes of its first word",
    subject: 'Year 3 trip to the farm',
    body: 'Dear parents,\n\nYear 3 are visiting Manor Farm on Tuesday 6 May.\n\nTrip Cost: £9.50 for the coach, free entry to the animal barns.\nFarm Visit: packed lunch needed.\n\nPlease pay on ParentPay by 29 April.\n\nThank you,\nMr Evans',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: 'an ask after a heading and a colon is an instruction, not a form field',
    subject: 'Vote on Thursday',
    body: 'Dear Sam,\n\nThe council votes on Thursday on whether to sell Elm Park for housing.\n\nThree days left: email your councillor.\n\nWe have drafted a message you can change.\n\nSave Elm Park (a registered charity)',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a party's joining details for a registered member: the parking charge is directions, not an offer",
    subject: 'Your place at the members’ dinner',
    body: 'Dear Priya,\n\nThank you for booking your place at the branch dinner on Friday 13 March at the Grange Hotel. Your booking reference is NB-2291.\n\nDoors open at 7pm. Parking at the hotel costs £5 for the evening, or it is a short walk from the station.\n\nSee you there,\nBranch Secretary\nNorthbridge Liberal Democrats',
    context: { sender: 'political' },
    dm: NOT_DM,
  },
  {
    name: 'a charity newsletter that mentions gifts left in wills and offers its free guide asks for a legacy',
    subject: 'Autumn news from the rescue',
    body: 'Dear Mr Hall,\n\nThis autumn we rehomed our 500th dog of the year, and the new isolation kennels are finally open.\n\nMore than half of the dogs we take in are cared for thanks to gifts left in wills. If you are thinking about your own will, our free guide explains how a gift works. Ask for a copy at greyfriarsrescue.org.uk/guide; there is no obligation.\n\nWith thanks,\nGreyfriars Dog Rescue, registered charity 1099887',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "thanks for a supporter's past support opens an appeal for volunteers; it acknowledges nothing of theirs",
    subject: 'Could you help on a Saturday?',
    body: 'Dear Ms Kaur,\n\nThank you for supporting Oakfield Food Bank this year.\n\nWe are short of people to sort donations on Saturday mornings and could open for longer with six more helpers. If you could spare three hours once a month, we would love to hear from you: oakfieldfoodbank.org.uk/help or just reply to this email.\n\nBest wishes,\nTom Reilly\nVolunteer Coordinator\nOakfield Food Bank, registered charity 1187654',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a salon's text offering the slots its cancellations freed is an offer, with no offer word in it",
    subject: '',
    channel: 'sms',
    body: "Morning Dawn, Kate at Curl Up here. I've had two cancellations so there are a couple of slots free this Friday if you fancy a colour before the wedding. Just reply and I'll pop you in. Reply STOP to opt out",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: 'a booking confirmation whose P.S. offers a new priced service is marketing',
    subject: 'Lesson confirmed',
    body: "Hi Jordan,\n\nJust confirming your driving lesson on Monday 2 June at 4pm, pick-up from home as usual. Price is £38 as before.\n\nCheers,\nAmir\n\nP.S. I've just started offering motorway lessons on Sunday mornings, £45 for two hours.",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a rescue's text that says what a sum buys and where to give it is an appeal",
    subject: '',
    channel: 'sms',
    body: 'Paws Haven: 6 kittens came in last night, cold and underweight. £15 buys a week of kitten milk for one of them. Donate: pawshaven.org.uk/kittens Reply STOP to opt out',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: "a residents' group asking every household to object to a planning application campaigns",
    subject: 'Mill Lane application',
    body: 'Dear neighbours,\n\nThe committee will oppose the plan for 30 flats on the Mill Lane green. We are asking every household to send an objection before 2 December; a template is attached.\n\nThe more objections the planners receive, the more weight they carry.\n\nMill Lane Residents (a registered charity)',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'campaigning',
  },
  {
    name: "a party's joining instructions with train fares and parking charges are never read as a sale",
    subject: 'Your pass for the regional conference',
    body: 'Dear Ravi,\n\nYour conference pass is attached; please bring it with photo ID on Saturday.\n\nTrain tickets from York are about £11 return, and parking at the venue costs £10 a day.\n\nConference Office\nYorkshire Labour',
    context: { sender: 'political' },
    dm: [...NOT_DM, 'unclear'],
  },
  {
    name: 'a receipt that says what the gift will do and when it arrived is a service message',
    subject: 'Thank you for your gift',
    body: 'Dear Ms Ward,\n\nThank you for your support. Your £30 gift will help keep our night shelter open in January.\n\nWe received it on 2 December; your receipt number is NS-88120.\n\nSupporter Care\nHarbour Night Shelter, registered charity 1123987',
    context: { sender: 'charity' },
    dm: NOT_DM,
  },
  {
    name: "a council's note on the single person discount is its task, not a discount offer",
    subject: 'Council tax: single person discount',
    body: 'If you are the only adult in your home you can get a 25% discount on your council tax. Please confirm your details by 31 January or your discount may be removed.',
    context: { sender: 'public-authority' },
    dm: NOT_DM,
  },
  {
    name: "a trust's letter that tells how people remembered it in their wills and offers its guide asks for a legacy",
    subject: 'The future of the Old Mill',
    body: 'Dear Mrs Lowe,\n\nThe Old Mill has been open to visitors for sixty years. Several friends of the mill have remembered the Trust in their wills, and their gifts paid for the new water wheel.\n\nIf you are thinking about your own will, our short guide explains how a gift can be worded. It is free and there is no obligation: reply to this email or call 01632 960222.\n\nOld Mill Trust, registered charity 1011223',
    context: { sender: 'charity' },
    dm: DM,
    purpose: 'fundraising',
  },
  {
    name: 'a travel update that offers an extra at a price is marketing',
    subject: '',
    channel: 'sms',
    body: 'Westrail: your 07:10 to Exeter tomorrow is on time, coach C seat 42. First Class upgrades still available from £25 - add one in the app. Reply STOP for no offers',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a shop's text of what is new in this week and a link to order sells",
    subject: '',
    channel: 'sms',
    body: 'Hillside Farm Shop: new in this week - local honey, damson jam and sourdough on Fridays. Order: hillsidefarmshop.co.uk/order. Txt STOP to opt out',
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "a tradesman's note to a past customer asking for referrals with a free quote is marketing",
    subject: 'A year on',
    body: "Dear Mr Khan,\n\nIt's a year since we fitted your kitchen and I hope it's still serving you well.\n\nMost of our work comes from word of mouth, so if any of your friends or family are thinking about a new kitchen, we'd be happy to give them a free design visit.\n\nBest wishes,\nGary Holt\nHolt Kitchens",
    context: { sender: 'business' },
    dm: DM,
    purpose: 'promotional',
  },
  {
    name: "an MP's office confirming a constituent's surgery appointment in text-speak is never read as a campaign",
    subject: '',
    channel: 'sms',
    body: "Jo Lane MP's office: ur appt is confirmed for Tue 4 Nov 10.20am at the town hall. Pls bring letters about ur case. Can't make it? Call 01632 960333",
    context: { sender: 'political' },
    dm: [...NOT_DM, 'unclear'],
  },
];

describe('everyday judgement', () => {
  test.each(rows)('$name', (row) => {
    const v = check(
      { subject: row.subject, body: row.body, channel: row.channel ?? 'email' },
      { channel: row.channel ?? 'email', ...row.context },
    );
    expect(row.dm, `directMarketing was ${v.directMarketing}`).toContain(v.directMarketing);
    if (row.purpose) expect(v.primaryPurpose).toBe(row.purpose);
    if (row.route) expect(v.route).toBe(row.route);
    if (row.noEvidenceOf) expect(v.evidence.filter((e) => e.purpose === row.noEvidenceOf)).toEqual([]);
  });

  test('"if you do not reply to this message" is a condition; "please do not reply to this email" marks a notice', () => {
    const acknowledges = (body: string) =>
      createChecker()
        .classifier.classify({ subject: '', body, channel: 'email' })
        .acts.some((a) => a.service === 'acknowledge');
    expect(acknowledges('You will be taken off our list if you do not reply to this message.')).toBe(false);
    expect(acknowledges('Your statement is ready. Please do not reply to this email.')).toBe(true);
  });

  test("a party's opinion survey is never 'not marketing' on its words alone: unclear, and the answer settles it", () => {
    const draft = {
      subject: 'What matters to you in Elmford?',
      body: "Dear neighbour,\n\nI'm Sam Okoro, your Green Party councillor. I'd like to know what matters most to you in Elmford: the buses, the parks or the new health centre? It takes two minutes at elmfordgreens.example/survey.\n\nSam",
    };
    const open = check(draft, { sender: 'political' });
    expect(open.directMarketing).toBe('unclear');
    expect(open.questions.map((q) => q.field)).toContain('promotes');
    expect(DM).toContain(check(draft, { sender: 'political', promotes: 'yes' }).directMarketing);
    expect(NOT_DM).toContain(check(draft, { sender: 'political', promotes: 'no' }).directMarketing);
  });

  test('"at no cost to you" in a Gift Aid note is not a sales come-on', () => {
    const v = check({ subject: 'Thank you for your donation', body: RECEIPT }, { sender: 'charity' });
    expect(v.evidence.filter((e) => e.purpose === 'promotional')).toEqual([]);
  });

  test('"Head of Fundraising" in a signature is not evidence', () => {
    const v = check(
      {
        subject: 'Minutes of Tuesday',
        body: "Hi all,\n\nAttached are the minutes of Tuesday's meeting. The next meeting is on 3 June in room 4.\n\nBest wishes,\nAnna Clarke\nHead of Fundraising\nRiverside Hospice",
      },
      { sender: 'charity' },
    );
    expect(v.evidence.some((e) => /fundraising/i.test(e.text))).toBe(false);
    expect(NOT_DM).toContain(v.directMarketing);
  });

  test('a job title in the body is not an ask either', () => {
    const v = check(
      {
        subject: 'New starter',
        body: 'Please welcome Priya Nair, who joins us on Monday as Campaigns Officer. She will sit with the communications team on the second floor.',
      },
      { sender: 'charity' },
    );
    expect(v.evidence.some((e) => /campaign/i.test(e.text))).toBe(false);
  });

  test('a rhetorical "why would you give…?" is an argument, not a money ask; "why not give…?" still asks', () => {
    const argue = check(
      {
        subject: 'The choice this year',
        body: 'The other side would borrow more and tax more. Why would you give the keys back to the people who crashed the car? Please share this email with a friend.',
      },
      { sender: 'political' },
    );
    expect(argue.acts.some((a) => a.ruleId.startsWith('fundraising/'))).toBe(false);
    expect(argue.primaryPurpose).not.toBe('fundraising');
    const suggest = check(
      { subject: 'Winter', body: 'Why not give £5 today and keep a family warm this winter?' },
      { sender: 'charity' },
    );
    expect(suggest.acts.some((a) => a.ruleId.startsWith('fundraising/'))).toBe(true);
  });

  test('an amount the reader is asked to give is an ask wherever it sits in the sentence', () => {
    for (const body of [
      'We are short of our target. Your £19 gift could be the difference this week.',
      'With just £10 from you today, we can keep the helpline open.',
      'A gift of £20 today would pay for a night in the shelter.',
    ]) {
      const v = check({ subject: 'This week', body }, { sender: 'charity' });
      expect(
        v.acts.some((a) => a.ruleId === 'fundraising/amount-ask'),
        body,
      ).toBe(true);
      expect(DM).toContain(v.directMarketing);
    }
    const receipt = check(
      {
        subject: 'Received',
        body: 'We received £20 from you on 3 May. Your £10 donation has been received.',
      },
      { sender: 'charity' },
    );
    expect(receipt.acts.some((a) => a.ruleId === 'fundraising/amount-ask')).toBe(false);
  });

  test("a business's competition with 'spread the word' promotes the business; no soft opt-in for the charity push", () => {
    const v = check(
      {
        subject: 'Win a weekend away',
        body: "Treat yourself this spring. Enter the competition on our website to win a weekend for two at our Lakeside lodge, and don't forget to spread the word to your friends.",
      },
      { sender: 'business' },
    );
    expect(DM).toContain(v.directMarketing);
    expect(v.primaryPurpose).toBe('promotional');
    const charity = check(
      {
        subject: 'Garden news',
        body: 'See our best-selling roses at the summer open day. Every plant sold on the day is in aid of the local hospice, so please get involved and raise money for the hospice with us.',
      },
      {
        sender: 'business',
        relationship: 'customer',
        softOptInConditions: 'met',
        recipientType: 'individual',
      },
    );
    expect(charity.primaryPurpose).toBe('promotional');
    expect(charity.route).not.toBe('soft-opt-in');
  });

  test("a charity's post that names its appeal promotes the appeal", () => {
    const v = check(
      {
        subject: '',
        body: 'Without a warm coat some children cannot get to school in winter. "Our children come to school now they have the right clothes," a head teacher told us.\n\n#SchoolBank #WinterWarmerAppeal',
      },
      { sender: 'charity' },
    );
    expect(DM).toContain(v.directMarketing);
    expect(v.primaryPurpose).toBe('fundraising');
  });

  test('cold pitches from small businesses are marketing; a colleague asking for a chat is not', () => {
    for (const body of [
      'We are a local cleaning company offering office cleaning in Reading. Our rates start at £15 an hour. Reply to this email if you would like a quote.',
      'Following our chat at the expo, I have attached our brochure. Let me know if you would like to place an order.',
      'Hi Tom, we install solar panels for small businesses and most of our clients cut their energy bills by a third. I would love to show you what we could do for your premises. Are you free for 15 minutes on Thursday?',
    ]) {
      const v = check({ subject: 'Hello', body }, { sender: 'business' });
      expect(DM, body).toContain(v.directMarketing);
      expect(v.primaryPurpose).toBe('promotional');
    }
    const chat = check(
      {
        subject: 'Budget',
        body: 'Hi Priya, are you free for a quick chat about the budget tomorrow? I think the figures for Q3 need another look.',
      },
      { sender: 'business' },
    );
    expect(NOT_DM).toContain(chat.directMarketing);
  });

  test("a new user's drafts: words read in the sense the sentence gives them", () => {
    const cases: {
      body: string;
      sender: ContextInput['sender'];
      channel?: 'sms';
      dm: DirectMarketingLevel[];
      purpose?: PrimaryPurpose;
    }[] = [
      // A cold sales email: a customer list, a demo call, and the "not relevant? I won't write again" line.
      {
        body: "Hi Olivia,\n\nReconcileRight automates bank reconciliations for multi-site firms. Our customers, including Dale Haulage, now close their month in three days. Would you be open to a 20-minute call so I can show you how it would work with your setup?\n\nIf this isn't relevant, reply 'no thanks' and I won't contact you again.\n\nTom",
        sender: 'business',
        dm: DM,
        purpose: 'promotional',
      },
      // A shop answering a customer's question: "gluten-free sourdough", "phone the shop the day before".
      {
        body: "Hi Marcus,\n\nThanks for asking. Yes, we bake a gluten-free sourdough every Friday. If you'd like one put aside, just phone the shop the day before.\n\nNadia",
        sender: 'business',
        dm: NOT_DM,
      },
      // Asking for a volunteer's time is campaigning, not a money ask.
      {
        body: 'We are out canvassing on Saturday from 10am. Can you spare two hours? And on polling day please vote for Sarah Lind.',
        sender: 'political',
        dm: DM,
        purpose: 'campaigning',
      },
      // A party's polling-day text that also says where to vote: the polling station serves the ask.
      {
        body: "Polls are open until 10pm today. Labour's Dan Morrow needs your vote in Kingsmere - find your polling station at wheredoivote.co.uk. Promoted by J Ford, 4 High St, NV3 1AA",
        sender: 'political',
        channel: 'sms',
        dm: DM,
        purpose: 'campaigning',
      },
      // The council's own polling-day notice stays a public service.
      {
        body: 'Polls are open from 7am to 10pm today. Take your poll card to your polling station; you can vote for the candidate of your choice.',
        sender: 'public-authority',
        channel: 'sms',
        dm: NOT_DM,
      },
      // A thank-you that asks again: "Could you renew your gift today?" and "Give again".
      {
        body: 'Dear Priya,\n\nThank you for your gift last year: Amira has started her degree. This year more students than ever need help. Could you renew your gift today? £25 covers a term of travel.\n\nGive again: example.ac.uk/give',
        sender: 'charity',
        dm: DM,
        purpose: 'fundraising',
      },
      // A rescue's adoption appeal.
      {
        body: 'Biscuit has been with us for 214 days, longer than any other dog. Could you give Biscuit a second chance? Meet him at our open day on Sunday, or share this email with a friend who could.',
        sender: 'charity',
        dm: DM,
        purpose: 'campaigning',
      },
      // A tariff pitch inside an annual statement.
      {
        body: 'Here is your annual summary for account 8830 1177. Your Direct Debit of £122 a month is about right and will not change.\n\nCould you pay less? Our Fix 12 tariff would cost you an estimated £1,331 next year, a saving of £97. Switching takes two minutes with no exit fees.',
        sender: 'business',
        dm: DM,
        purpose: 'promotional',
      },
      // A booking confirmation: "step-free access" is no free offer.
      {
        body: 'Thanks for booking. Your tickets are attached. Booking reference: CMM-771204. Total paid: £38.00.\n\nAccessibility: step-free access is available at the north entrance.',
        sender: 'charity',
        dm: NOT_DM,
      },
      // A charity's quiz night by text: the takings go to the hospice.
      {
        body: 'Quiz night at the Red Lion, Fri 7 Nov, 7.30pm! £5 a head, all money to Meadowbank Hospice. Book at meadowbank.example/quiz. Reply STOP to opt out.',
        sender: 'charity',
        channel: 'sms',
        dm: DM,
        purpose: 'fundraising',
      },
      // Staff mail: working from home for a day is no spam cue; asking a colleague to send a report is no money ask.
      {
        body: 'Hi team, the office is closed on Friday while the electricians rewire the second floor. Please work from home that day. Could you send me your expenses by Monday?',
        sender: 'business',
        dm: NOT_DM,
      },
      // A school trip letter: free school meals and the trip's voluntary contribution are the school's own process.
      {
        body: "Year 5 visit the Roman villa on Thursday 12 June. Children entitled to free school meals will be given a packed lunch. We ask for a voluntary contribution of £18.50 via ParentPay by 30 May. Please book a parents' evening slot by Friday too.",
        sender: 'public-authority',
        dm: NOT_DM,
      },
    ];
    for (const c of cases) {
      const v = check(
        { subject: 'Hello', body: c.body, channel: c.channel },
        { sender: c.sender, channel: c.channel },
      );
      expect(c.dm, `${v.directMarketing}: ${c.body.slice(0, 60)}`).toContain(v.directMarketing);
      if (c.purpose) expect(v.primaryPurpose, c.body.slice(0, 60)).toBe(c.purpose);
    }
  });

  test("a legacy ask's free guide serves the ask: the charity soft opt-in is open when its conditions hold", () => {
    const body =
      'Dear Ann,\n\nA gift in your will could keep our hospice caring for families for years to come. Request your free guide to leaving a gift in your will, or use our Free Wills service to write or update your will at no cost.\n\nWith thanks,\nMeadowbank Hospice\nTo stop receiving these emails, reply STOP.';
    const v = check({ subject: 'A gift that lasts', body }, SUPPORTER_MET);
    expect(v.primaryPurpose).toBe('fundraising');
    expect(v.route).toBe('charity-soft-opt-in');
    // A priced offer beside the appeal still makes a mixed message.
    const shop = check(
      { subject: 'Winter', body: `${body}\n\nOur charity shop has 20% off all coats this week.` },
      SUPPORTER_MET,
    );
    expect(shop.route).not.toBe('charity-soft-opt-in');
  });

  test("a charity's raffle: its prizes, tickets and 18+ are the fundraising, so the charity soft opt-in stays open", () => {
    const v = check(
      {
        subject: 'Win a car in our Spring Raffle!',
        body: 'Hi Tom,\n\nOur Spring Raffle is back, and this year the top prize is a brand new car! There are also 50 runner-up prizes including a weekend in the Lakes and £250 of garden centre vouchers.\n\nTickets are £2 each or a book of 10 for £20. Every ticket helps fund care for local people living with dementia.\n\nBuy tickets at www.ashgrove.example/raffle - the draw is on 30 April.\n\nGood luck!\nThe Ashgrove fundraising team\nPromoter: J. Lister, Ashgrove Care, charity no. 1034567. 18+ only.\nTo stop receiving these emails, reply STOP.',
      },
      SUPPORTER_MET,
    );
    expect(v.primaryPurpose).toBe('fundraising');
    expect(v.route).toBe('charity-soft-opt-in');
  });

  test('opt-out lines in everyday words are found', () => {
    for (const line of [
      'To stop receiving these emails, click here.',
      "If you'd prefer not to hear from us by email, just let us know.",
    ]) {
      const v = check(
        {
          subject: 'Winter appeal',
          body: `Please donate today to keep our shelter open this winter.\n\n${line}`,
        },
        { sender: 'charity' },
      );
      expect(
        v.checks.map((k) => k.id),
        line,
      ).not.toContain('opt-out-missing');
    }
  });

  test('one roadworks paragraph, 39 times or 10,000 words long, reads the same, with no evidence-free "likely"', () => {
    const para =
      'Roadworks on the A339 between the Robin Hood roundabout and the hospital will close one lane from Monday 3 March for three weeks while the gas main is replaced. Buses 1 and 2 will be diverted via Market Street and Bartholomew Street, and the stop outside the library will not be served. Please allow extra time for your journey.';
    const verdicts = [1, 39, 180].map((k) =>
      check({ subject: 'Roadworks', body: Array.from({ length: k }, () => para).join('\n\n') }),
    );
    for (const v of verdicts) {
      expect(NOT_DM).toContain(v.directMarketing);
      expect(v.primaryPurpose).toBe('none');
    }
  });
});
