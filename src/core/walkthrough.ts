/**
 * The decision model as a sequence of questions (training mode's "decision walkthrough"): for a draft and a
 * context, which answer each step took and why, ending in the route and what to do.
 *
 * The walkthrough never decides anything itself: it replays the rule engine's steps (src/data/decision.json)
 * on the same facts to learn which step settled the route, then explains each question in plain English,
 * quoting the draft's own words. Steps after the decisive one are left out; the final 'route' step is always
 * there and names the verdict's route. Pure: no DOM.
 */
import type { Classification, Signal, SignalHit } from './classify/classification.ts';
import type { Context } from './context.ts';
import type { Draft } from './draft/draft.ts';
import { holds } from './rules/conditions.ts';
import { citations as citationTable, decision } from './rules/data.ts';
import { runDecision } from './rules/evaluate.ts';
import { buildFacts } from './rules/facts.ts';
import type { AppliedRule, Citation, Evidence, Route, Verdict } from './verdict.ts';

export type WalkStepId =
  | 'asked-for-it'
  | 'service-message'
  | 'promotes-anything'
  | 'sender'
  | 'channel'
  | 'recipient-type'
  | 'relationship-consent'
  | 'route';

export interface WalkStep {
  id: WalkStepId;
  /** The question, e.g. "Did the recipient ask for this message?" */
  question: string;
  /** The answer this draft and context give, in a few words ("No", "Charity", "Not known: treated as an individual"). */
  answer: string;
  /** Why: the evidence phrase, the context answer, or the rule. */
  because: string;
  /** True when this step decided the route (the walkthrough ends here). */
  decisive: boolean;
  /** Citations backing the step (may be empty for purely factual steps). */
  citations: { title: string; url: string }[];
}

export interface Walkthrough {
  verdict: Verdict;
  steps: WalkStep[];
}

export interface WalkInput {
  classification: import('./classify/classification.ts').Classification;
  context: import('./context.ts').Context;
  draft: import('./draft/draft.ts').Draft;
  verdict: Verdict;
}

/** The order of the questions (legal-facts.md section 0 and the ICO advice generator's first gates). */
export const WALK_STEP_ORDER: readonly WalkStepId[] = [
  'asked-for-it',
  'service-message',
  'promotes-anything',
  'sender',
  'channel',
  'recipient-type',
  'relationship-consent',
  'route',
];

export const WALK_QUESTIONS: Record<WalkStepId, string> = {
  'asked-for-it': 'Did the recipient ask for this exact message?',
  'service-message': 'Is it a service message: neutral information the recipient needs?',
  'promotes-anything': 'Does it promote anything: products or services, a cause, donations or votes?',
  sender: 'Who is sending it, and does that change the rules?',
  channel: 'Is it sent by electronic mail (email or text)?',
  'recipient-type': 'Who receives it: individuals or companies?',
  'relationship-consent': 'Do you have consent, or does a soft opt-in apply?',
  route: 'So which rule applies, and what must you do?',
};

/** Plain names of the routes: the last step's answer is one of these. */
export const ROUTE_LABELS: Record<Route, string> = {
  'not-direct-marketing': 'Not direct marketing',
  'consent-required': 'Consent required',
  'consent-held': 'Marketing sent with consent',
  'soft-opt-in': 'Products and services soft opt-in',
  'charity-soft-opt-in': 'Charitable purposes soft opt-in',
  'corporate-subscriber': 'Corporate subscribers: identity and opt-out only',
  solicited: 'Solicited: the recipient asked for it',
  unclear: 'Unclear: answer the questions to decide',
};

/** Which question a decision.json route step answers. Unknown step ids fall back to the route (see below). */
const DECIDED_AT: Record<string, WalkStepId> = {
  'unclear-public-authority': 'sender',
  'unclear-text': 'promotes-anything',
  'not-dm-public-task-confirmed': 'sender',
  'not-dm-public-task-signals': 'sender',
  'not-dm': 'service-message',
  'opted-out': 'relationship-consent',
  solicited: 'asked-for-it',
  'consent-held': 'relationship-consent',
  'corporate-subscriber': 'recipient-type',
  'political-sender': 'relationship-consent',
  'charity-soft-opt-in': 'relationship-consent',
  'products-soft-opt-in': 'relationship-consent',
};

const ROUTE_FALLBACK: Record<Route, WalkStepId> = {
  'not-direct-marketing': 'service-message',
  'consent-required': 'relationship-consent',
  'consent-held': 'relationship-consent',
  'soft-opt-in': 'relationship-consent',
  'charity-soft-opt-in': 'relationship-consent',
  'corporate-subscriber': 'recipient-type',
  solicited: 'asked-for-it',
  unclear: 'promotes-anything',
};

/** The applied rule that best says what to do on each route, most specific first. */
const ROUTE_RULES: Record<Route, string[]> = {
  'not-direct-marketing': ['public-task-right-to-object', 'data-protection-still-applies'],
  'consent-required': [
    'opted-out-must-not-send',
    'charity-soft-opt-in-sole-purpose',
    'third-party-offer-needs-consent',
    'consent-required',
  ],
  'consent-held': ['consent-held'],
  'soft-opt-in': ['products-soft-opt-in'],
  'charity-soft-opt-in': ['charity-soft-opt-in'],
  'corporate-subscriber': ['corporate-subscriber'],
  solicited: ['solicited-message'],
  unclear: ['public-authority-task-test', 'unclear-check-content'],
};

const DM_LEVEL = new Set(['yes', 'likely']);

function cite(...ids: string[]): Citation[] {
  return ids.flatMap((id) => {
    const c = citationTable[id];
    return c ? [{ title: c.title, url: c.url }] : [];
  });
}

const quote = (text: string) => `"${text.replace(/\s+/g, ' ').trim()}"`;

/** The judged hits of one signal, in reading order (subject first). */
function hitsOf(classification: Classification, signal: Signal): SignalHit[] {
  return classification.hits
    .filter((h) => h.judged && h.signal === signal)
    .sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'subject' ? -1 : 1));
}

const firstHit = (classification: Classification, signal: Signal) => hitsOf(classification, signal)[0];

/** The longest judged hit of a signal (the most telling phrase to quote). */
function longestHit(classification: Classification, signal: Signal): SignalHit | undefined {
  let best: SignalHit | undefined;
  for (const h of hitsOf(classification, signal)) if (!best || h.text.length > best.text.length) best = h;
  return best;
}

/** The strongest marketing phrase: the longest evidence for the primary purpose (else for any purpose). */
function strongestEvidence(verdict: Verdict): Evidence | undefined {
  const marketing = verdict.evidence.filter((e) => e.purpose !== 'none');
  const primary = marketing.filter((e) => e.purpose === verdict.primaryPurpose);
  const pool = primary.length > 0 ? primary : marketing;
  let best: Evidence | undefined;
  for (const e of pool) if (!best || e.text.length > best.text.length) best = e;
  return best;
}

interface Replay {
  decidedBy: string | undefined;
  levelReason: string;
  facts: Record<string, unknown>;
}

/** Runs the decision steps again on the same facts to learn which step settled the route. */
function replay(classification: Classification, context: Context, draft: Draft): Replay {
  const state = runDecision(classification, { ...context, channel: draft.channel ?? context.channel });
  return {
    decidedBy: state.decidedBy,
    levelReason: String(state.facts.levelReason ?? ''),
    facts: state.facts,
  };
}

/** The draft's purposes as the rule data reads them: the named definitions in decision.json, not copies. */
function purposeFlags(classification: Classification, context: Context) {
  const facts = buildFacts(classification, context);
  const is = (ref: string) => holds({ ref }, facts, decision.definitions);
  return {
    fundraising: is('fundraising'),
    campaigning: is('campaigning'),
    aims: is('aims'),
    commercial: is('mixed-commercial'),
    thirdParty: is('third-party-offer'),
  };
}

const PURPOSE_WORDS: Record<string, string> = {
  promotional: 'promotes products or services',
  fundraising: 'asks for donations or support',
  campaigning: 'campaigns for a cause or a vote',
  none: 'reads as marketing',
};

/** The steps for this draft and context. */
export function buildWalkthrough(input: WalkInput): WalkStep[] {
  const { classification, context, draft, verdict } = input;
  const route = verdict.route;
  const { decidedBy, levelReason } = replay(classification, context, draft);
  let decisiveAt = (decidedBy && DECIDED_AT[decidedBy]) || ROUTE_FALLBACK[route];
  const serviceHit = longestHit(classification, 'service');
  const textLevel = classification.directMarketing;
  const consentRequest = levelReason === 'consent-request';
  const textDm = DM_LEVEL.has(textLevel) || consentRequest;
  const asksConsent = consentRequest || (textDm && classification.counts['consent-request'] > 0);
  const textNotDm = !textDm && textLevel !== 'unclear';
  // A plain not-DM reading with no service wording is settled by "does it promote anything?" instead.
  if (route === 'not-direct-marketing' && decisiveAt === 'service-message' && !serviceHit) {
    decisiveAt = 'promotes-anything';
  }
  const flags = purposeFlags(classification, context);
  // Cues that a public service is being promoted (a new portal, helpline, consultation), not mere council topics.
  const serviceCues = hitsOf(classification, 'service').length;
  const publicServiceHits = hitsOf(classification, 'public-task').filter(
    (h) => h.patternId !== 'public-task/council-function',
  );
  const publicTaskHit =
    publicServiceHits.reduce<SignalHit | undefined>(
      (a, h) => (!a || h.text.length > a.text.length ? h : a),
      undefined,
    ) ?? firstHit(classification, 'public-task');
  // A council message that tells people about a public service and is not marketing: the public-task test
  // (sender step) is the reason, whatever the text model made of the wording.
  const publicService =
    route === 'not-direct-marketing' &&
    context.sender === 'public-authority' &&
    !flags.aims &&
    publicServiceHits.length > 0 &&
    (context.publicTaskNecessary === 'yes' || publicServiceHits.length >= serviceCues);
  if (publicService) decisiveAt = 'sender';
  const evidence = strongestEvidence(verdict);
  const purposeWords = PURPOSE_WORDS[verdict.primaryPurpose] ?? PURPOSE_WORDS.none!;

  const steps: WalkStep[] = [];
  const add = (id: WalkStepId, answer: string, because: string, citations: Citation[]) => {
    steps.push({ id, question: WALK_QUESTIONS[id], answer, because, decisive: id === decisiveAt, citations });
  };
  const settled = () => steps.some((s) => s.decisive);

  // 1. Did they ask for it?
  {
    const cue = firstHit(classification, 'solicited');
    const decisive = decisiveAt === 'asked-for-it';
    let answer: string;
    let because: string;
    if (context.solicited === 'yes') {
      answer = 'Yes';
      because = `You say the recipient asked for this specific item${cue ? `, and the draft says so (${quote(cue.text)})` : ''}.`;
      because += decisive
        ? ' A solicited message is outside the consent rule for unsolicited marketing, but you must still say who you are and give an opt-out address.'
        : ' That alone does not settle it: the next questions still matter.';
    } else if (context.solicited === 'no') {
      answer = 'No';
      because =
        'You say the recipient did not ask for this message, so if it is marketing it is unsolicited and the consent rule may apply.';
    } else if (cue) {
      answer = 'Possibly: not confirmed';
      because = `The draft says ${quote(cue.text)}. If the recipient asked for exactly this item (a price list, a brochure, event details), answer Yes: the consent rule would not apply. A general agreement to hear from you does not count.`;
    } else {
      answer = 'Not known: treated as unsolicited';
      because =
        'Nothing says the recipient asked for this exact message. A general agreement to hear from you does not make later messages solicited.';
    }
    add('asked-for-it', answer, because, cite('ico-advice-generator', 'pecr-reg-22'));
  }

  // 2. Is it a service message?
  if (!settled()) {
    const promo = evidence ? quote(evidence.text) : undefined;
    let answer: string;
    let because: string;
    let cites = cite('ico-identify-dm', 'ico-advice-generator');
    if (publicService) {
      answer = 'Not only';
      because = serviceHit
        ? `It has some service wording (${quote(serviceHit.text)}), but mainly it tells people about a public service (${quote(publicTaskHit!.text)}); the sender question decides.`
        : `It is not about the recipient's own account or booking: it tells people about a public service (${quote(publicTaskHit!.text)}); the sender question decides.`;
    } else if (textNotDm && serviceHit) {
      answer = 'Yes';
      because = `It reads as neutral information the recipient needs (${quote(serviceHit.text)}) and nothing in it promotes, fundraises or campaigns. Service messages are not direct marketing, though UK GDPR still applies.`;
    } else if (textNotDm) {
      answer = 'No service wording';
      because =
        'It has no account, order, appointment or similar service wording; the next question decides.';
    } else if (textLevel === 'unclear' && !consentRequest) {
      answer = 'Not clearly';
      because = serviceHit
        ? `It has service wording (${quote(serviceHit.text)}) but does not read as purely neutral information.`
        : 'It does not read clearly as neutral information the recipient needs.';
    } else if (serviceHit) {
      answer = 'No: service content plus promotion';
      because = `It has service content (${quote(serviceHit.text)}) but also ${promo ?? 'promotional wording'}. Once a service message carries any promotion, the whole message counts as marketing.`;
      cites = cite('ico-identify-dm', 'ico-regulatory-comms', 'ee-penalty-2019');
    } else {
      answer = 'No';
      because = promo
        ? `Nothing marks it as a service message, and it includes ${promo}.`
        : 'Nothing marks it as neutral information the recipient needs.';
    }
    add('service-message', answer, because, cites);
  }

  // 3. Does it promote anything?
  if (!settled()) {
    const promo = evidence ? quote(evidence.text) : undefined;
    let answer: string;
    let because: string;
    const cites = cite('ico-identify-dm');
    if (asksConsent) {
      const ask = firstHit(classification, 'consent-request');
      answer = 'Yes: it asks for marketing consent';
      because = `It asks people to agree to marketing${ask ? ` (${quote(ask.text)})` : ''}, and an email or text asking for marketing consent is itself marketing: Honda and Flybe were fined for this in 2017.`;
      cites.push(...cite('honda-flybe-penalties-2017'));
    } else if (textDm && levelReason.startsWith('public-authority-task')) {
      const task = publicTaskHit ? ` (${quote(publicTaskHit.text)})` : '';
      answer = 'Yes: it promotes a public service';
      because = `It encourages people to use a service${task}${evidence ? ` and says ${quote(evidence.text)}` : ''}. For a public authority, whether that is marketing depends on its public task (next question).`;
    } else if (textDm) {
      answer = `Yes: it ${purposeWords}`;
      because =
        evidence && promo
          ? `${promo}: ${evidence.message.replace(/\.?$/, '.')}`
          : 'Its wording reads as marketing.';
      if (flags.aims)
        because +=
          ' Promoting aims and ideals (fundraising, campaigning, asking for votes) counts as direct marketing, not only selling.';
      if (flags.campaigning || context.sender === 'political')
        cites.push(...cite('ico-political-campaigning'));
    } else if (textLevel === 'unclear' && classification.language?.coverage === 'limited') {
      // The classifier could not read (all of) the text: say so instead of a generic "not clearly".
      answer = 'Not clearly: language coverage is limited';
      because = `${classification.language.note} ${
        promo ? `Cue words such as ${promo} point to marketing. ` : ''
      }If any part of it promotes, fundraises or campaigns, treat the whole message as direct marketing.`;
      cites.push(...cite('ico-regulatory-comms'));
    } else if (textLevel === 'unclear') {
      answer = 'Not clearly';
      because = promo
        ? `Some wording could be promotional (${promo}), but the draft does not read clearly as marketing. If any part of it promotes, fundraises or campaigns, treat the whole message as direct marketing.`
        : 'The draft does not read clearly as marketing or as a service message. If any part of it promotes, fundraises or campaigns, treat the whole message as direct marketing.';
      cites.push(...cite('ico-regulatory-comms'));
    } else if (publicService) {
      answer = 'Only a public service';
      because = `It tells people about a public service (${quote(publicTaskHit!.text)}) with no sales, fundraising or campaigning wording. Whether that is marketing depends on the sender's public task (next question).`;
    } else {
      answer = 'No';
      because =
        'No promotional, fundraising or campaigning wording stands out, so it reads as an ordinary message rather than marketing.';
    }
    add('promotes-anything', answer, because, cites);
  }

  // 4. Who is the sender?
  if (!settled()) {
    let answer: string;
    let because: string;
    let cites: Citation[];
    switch (context.sender) {
      case 'public-authority': {
        cites = cite('ico-public-sector', 'ico-advice-generator');
        const task = firstHit(classification, 'public-task');
        const paid = firstHit(classification, 'paid-service');
        if (
          levelReason === 'public-authority-task-confirmed' ||
          (publicService && context.publicTaskNecessary === 'yes')
        ) {
          answer = 'Public authority: necessary for its task';
          because =
            'You say sending this is necessary and proportionate for one of your public tasks or functions, so it is likely not direct marketing. People can still object under UK GDPR Article 21(1); you must then stop unless you have compelling legitimate grounds.';
          cites.push(...cite('uk-gdpr-art-21'));
        } else if (levelReason === 'public-authority-task-signals' || publicService) {
          answer = 'Public authority: promoting a public service';
          because = `It tells people about a public service${task ? ` (${quote(task.text)})` : ''} without strong sales language, so it is likely not direct marketing if sending it is necessary and proportionate for your task. Confirm that answer to firm it up.`;
        } else if (levelReason === 'public-authority-task-unknown') {
          answer = 'Public authority: task test not answered';
          because =
            'A public authority promotion is not direct marketing if it is necessary and proportionate for a specific task or function (for example a new public service, portal or helpline); if it is not, it is marketing like anyone else’s.';
        } else if (levelReason === 'public-authority-paid-service') {
          answer = 'Public authority: promoting a paid-for service';
          because = `Promoting a service people pay for${paid ? ` (${quote(paid.text)})` : ''} is direct marketing for a council just as for a business: the ICO's example is a council promoting its gym.`;
          cites.push(...cite('ico-about-dm-guidance'));
        } else if (levelReason === 'public-authority-not-necessary') {
          answer = 'Public authority: not needed for its task';
          because =
            'You say this promotion is not necessary for your public task, so the usual marketing rules apply.';
        } else if (levelReason === 'public-authority-third-party') {
          answer = "Public authority: promoting another organisation's offer";
          because =
            'Promoting other organisations’ offers is rarely necessary for a public task, so it is likely direct marketing.';
        } else if (flags.aims) {
          answer = 'Public authority: fundraising or campaigning';
          because =
            'The public-task test does not cover fundraising or campaigning: asking for money or support is direct marketing whoever sends it. Councils are not charities, so the charitable soft opt-in is not available.';
        } else {
          answer = 'Public authority';
          because = 'The public-task test only matters for promotions; this message is judged on its text.';
        }
        break;
      }
      case 'charity':
        answer = 'Charity';
        cites = cite('ico-charity-soft-opt-in', 'ico-charity-soft-opt-in-approach');
        if (flags.aims && (flags.commercial || flags.thirdParty)) {
          because =
            'Charities can use the charitable purposes soft opt-in (since 5 February 2026), but only for messages whose sole purpose is furthering their charitable purposes. This draft also promotes products, services or another organisation, so it cannot.';
        } else if (flags.aims) {
          because =
            'Charities can use the charitable purposes soft opt-in (since 5 February 2026) for messages that only further their own charitable purposes, as well as consent.';
        } else {
          because =
            'For selling products or services a charity follows the same rules as a business: consent, or the products and services soft opt-in for its own customers.';
        }
        if (flags.fundraising) cites.push(...cite('fundraising-regulator-fps'));
        break;
      case 'political':
        answer = 'Political party or campaigner';
        because =
          'Messages asking for votes, money or support are direct marketing, and no soft opt-in covers political campaigning, so emails and texts to individuals need consent.';
        cites = cite('ico-political-campaigning', 'ico-political-public');
        break;
      case 'business':
        answer = 'Business';
        because =
          'A business can rely on consent, or on the products and services soft opt-in for its own similar products sent to existing customers. That soft opt-in never covers fundraising, campaigning or other organisations’ offers.';
        cites = cite('pecr-reg-22', 'ico-electronic-mail-rules');
        break;
      case 'other':
        answer = 'Other organisation (not a charity)';
        because =
          'Non-profits that are not registered charities, such as clubs or social enterprises, cannot use the charitable purposes soft opt-in; they need consent, or the products soft opt-in for their own products.';
        cites = cite('ico-charity-soft-opt-in-approach');
        break;
      default:
        answer = 'Not known';
        because =
          'Say who sends it: charities, public authorities and political campaigners each have rules of their own. Until then the general rules apply.';
        cites = cite('ico-about-dm-guidance');
    }
    add('sender', answer, because, cites);
  }

  // 5. Channel: email and SMS are both "electronic mail".
  if (!settled()) {
    const sms = draft.channel === 'sms';
    add(
      'channel',
      sms ? 'Yes: a text message' : 'Yes: an email',
      `Emails and texts are both "electronic mail" under PECR, so marketing sent this way must meet regulation 22 (consent, unless an exception applies) and regulation 23 (say who you are and give an opt-out address).${sms ? ' For texts, a free "reply STOP" or a standard-rate short code works as the opt-out.' : ''}`,
      cite('pecr-reg-22', 'pecr-reg-23', 'ico-electronic-mail-rules'),
    );
  }

  // 6. Recipient type.
  if (!settled()) {
    let answer: string;
    let because: string;
    if (context.recipientType === 'corporate') {
      answer = 'Companies (corporate subscribers)';
      because =
        'The consent rule in regulation 22 does not apply to companies, LLPs and similar bodies. Regulation 23 still does (identity and an opt-out address), and named staff addresses are personal data under UK GDPR.';
    } else if (context.recipientType === 'individual') {
      answer = 'Individuals';
      because =
        'Individuals, including sole traders and some partnerships, are protected by the consent rule in regulation 22.';
    } else {
      answer = 'Not known: treated as individuals';
      because =
        'When you cannot tell, treat recipients as individuals (which include sole traders and some partnerships), so the consent rule applies.';
    }
    add('recipient-type', answer, because, cite('ico-b2b', 'pecr-reg-22'));
  }

  // 7. Relationship, consent and soft opt-ins.
  if (!settled()) {
    let answer: string;
    let because: string;
    let cites = cite('pecr-reg-22', 'ico-electronic-mail-rules');
    if (context.consent === 'opted-out') {
      answer = 'No: they opted out';
      because =
        'The recipient objected to marketing or withdrew consent. The right to object to direct marketing is absolute, so no consent or soft opt-in helps: do not send, and keep them on a suppression list.';
      cites = cite('uk-gdpr-art-21', 'ico-respect-preferences');
      if (context.sender === 'charity') cites.push(...cite('fundraising-regulator-fps'));
    } else if (route === 'consent-held') {
      answer = 'Yes: they consented';
      because =
        'You say the recipients consented. The consent must name you, cover this channel, be freely given and recorded, and you must stop when someone withdraws it.';
    } else if (route === 'charity-soft-opt-in') {
      answer = 'Charitable purposes soft opt-in';
      because =
        'You say the charity collected these supporters’ details itself, on or after 5 February 2026, while they showed interest in or supported its work, and offered an opt-out then and in every message. The message only furthers its charitable purposes, so consent is not needed.';
      cites = cite('ico-charity-soft-opt-in', 'ico-charity-soft-opt-in-approach', 'pecr-reg-22');
    } else if (route === 'soft-opt-in') {
      answer = 'Products and services soft opt-in';
      because =
        'You say you got their details while selling, or negotiating to sell, to them and offered an opt-out then and in every message; this message only promotes your own similar products or services, so consent is not needed.';
    } else {
      answer = context.consent === 'no' ? 'No consent and no soft opt-in' : 'Consent needed';
      because = consentRequiredReason(context, classification, flags, levelReason, verdict);
    }
    add('relationship-consent', answer, because, cites);
  }

  // 8. The route and what to do.
  {
    const rule = routeRule(verdict);
    const what = rule ? ` What to do: ${rule.requirement}` : '';
    steps.push({
      id: 'route',
      question: WALK_QUESTIONS.route,
      answer: ROUTE_LABELS[route],
      because: `${verdict.summary}${what}`.trim(),
      decisive: false,
      citations: rule ? rule.citations.map((c) => ({ ...c })) : cite('ico-identify-dm'),
    });
  }
  return steps;
}

function routeRule(verdict: Verdict): AppliedRule | undefined {
  for (const id of ROUTE_RULES[verdict.route]) {
    const rule = verdict.rules.find((r) => r.id === id);
    if (rule) return rule;
  }
  return verdict.rules[0];
}

function consentRequiredReason(
  context: Context,
  classification: Classification,
  flags: ReturnType<typeof purposeFlags>,
  levelReason: string,
  verdict: Verdict,
): string {
  const given =
    context.consent === 'no' ? 'You say they have not consented, and ' : 'Consent is not confirmed, and ';
  if (context.sender === 'political') return `${given}no soft opt-in exists for political campaigning.`;
  if (levelReason === 'consent-request' || classification.counts['consent-request'] > 0)
    return 'Asking for marketing consent by email or text is itself marketing, so you need consent (or a valid soft opt-in) before sending the request.';
  if (flags.thirdParty)
    return `${given}no soft opt-in covers another organisation’s offer: consent must cover hearing about such offers from you.`;
  if (context.sender === 'charity' && flags.aims && flags.commercial) {
    const promo = verdict.evidence.find((e) => e.purpose === 'promotional');
    return `${given}the charitable soft opt-in covers only messages whose sole purpose is charitable; this one also promotes products or services${promo ? ` (${quote(promo.text)})` : ''}.`;
  }
  if (context.sender === 'public-authority' && flags.aims)
    return `${given}public authorities are not charities, so neither soft opt-in covers fundraising or campaigning.`;
  if (flags.aims && context.sender === 'business')
    return `${given}the customer soft opt-in never covers fundraising or campaigning.`;
  if (flags.aims && context.sender === 'other')
    return `${given}only registered charities can use the charitable purposes soft opt-in.`;
  if (context.softOptInConditions === 'not-met') {
    return context.sender === 'charity'
      ? `${given}you say the charitable soft opt-in conditions are not met (for example, details collected before 5 February 2026, through a third-party platform or by a trading subsidiary).`
      : `${given}you say the soft opt-in conditions are not met (for example, not your own similar products, or no opt-out offered when the details were collected).`;
  }
  if (context.relationship === 'none')
    return `${given}they are not existing customers or supporters, so no soft opt-in can apply (bought-in lists never qualify).`;
  return `${given}you have not confirmed the soft opt-in conditions. Answer the relationship and soft opt-in questions to see whether one applies.`;
}
