/** Accessibility, part 2 of 3 (what each part holds: A11Y_PARTS in a11y/suite.ts). */
import { A11Y_PARTS, a11ySuite } from './a11y/suite.ts';

a11ySuite(A11Y_PARTS[1]!);
