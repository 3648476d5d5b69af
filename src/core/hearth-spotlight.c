/* hearth-spotlight.c — placeholder, being written */

#include "config.h"

#include "hearth-spotlight.h"
