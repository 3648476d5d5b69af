/* hearth-award.c — placeholder, being written */

#include "config.h"

#include "hearth-award.h"
