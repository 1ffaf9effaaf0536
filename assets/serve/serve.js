// spotcheck serve: the scripts of every page. Plain JavaScript, no library.
"use strict";
