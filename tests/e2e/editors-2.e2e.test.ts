/** The real-editor matrix, part 2 of 3 (what each part holds: MATRIX_PARTS in editors/matrix.ts). */
import { editorMatrix, MATRIX_PARTS } from './editors/matrix.ts';

editorMatrix(MATRIX_PARTS[1]!);
