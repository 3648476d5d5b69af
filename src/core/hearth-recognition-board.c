/* hearth-recognition-board.c — placeholder, being written */

#include "config.h"

#include "hearth-recognition-board.h"
