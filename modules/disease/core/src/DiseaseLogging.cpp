#include "DiseaseLogging.h"

Q_LOGGING_CATEGORY(lcDisease, "mdp.disease")
