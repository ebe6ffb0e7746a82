#include "CryptoLog.h"

Q_LOGGING_CATEGORY(lcCrypto, "mdp.crypto")
