/** Check at Send end to end, part 1 of 2 (what each part holds: SEND_CHECK_PARTS in send-check/suite.ts). */
import { SEND_CHECK_PARTS, sendCheckSuite } from './send-check/suite.ts';

sendCheckSuite(SEND_CHECK_PARTS[0]!);
