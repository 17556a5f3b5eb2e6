// Function words ignored when ranking keywords and scoring summary sentences (English, plus the
// most frequent French, German and Spanish ones so mixed documents still rank content words).
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves may might must shall one two new use used using get got
le la les un une des et est en du de que qui dans pour par sur au aux pas ne se ce il elle nous vous
der die das und ist nicht ein eine mit von zu den dem im auf für sich es
el los las y en del que un una por con para es al lo se`.split(/\s+/),
);
