// The tags' template typings, as a Vue host adds them.
import type {} from 'pat-elements/types/vue';
