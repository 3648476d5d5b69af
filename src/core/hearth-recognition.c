/* hearth-recognition.c — placeholder, being written */

#include "config.h"

#include "hearth-recognition.h"
