/* hearth-badge.c — placeholder, being written */

#include "config.h"

#include "hearth-badge.h"
