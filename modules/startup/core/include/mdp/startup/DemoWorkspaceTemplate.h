#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace mdp::startup {

// The caller's one call "fill an empty directory with a demo workspace (accounts and cohort)
// protected by this passphrase".
using DemoWorkspaceBuilder =
    std::function<Result<workspace::DemoWorkspace>(const QString &directory, const SecureBytes &passphrase)>;

struct DemoTemplateOptions
{
    // Folder the template lives in (one per user: under the user's cache folder by default).
    QString cacheDirectory;
    // What the template is built from (generator and its version, seed, size, ...). A template
    // built from anything else is stale and rebuilt.
    QJsonObject identity;
    // Demo histories end on the day they were built; after this many days they are rebuilt, so the
    // demo never looks older than a week.
    int maxAgeDays = 7;
};

// Importing the synthetic cohort takes seconds; doing it at every `--demo` start made the window
// wait 8 s. The demo workspace is built once into the user's cache (still the encrypted workspace
// format: SQLCipher pages, sealed vault and audit log) and each start opens a fresh copy of it, so
// the demo stays throw-away: nothing done in one run reaches the template or the next run.
//
// The template's passphrase and the demo accounts' credentials are kept beside it in
// template.json (owner-only permissions). They guard synthetic data only and must be recoverable
// without anyone typing them, which is the point of a demo; a real workspace never has this file.
class DemoWorkspaceTemplate
{
public:
    explicit DemoWorkspaceTemplate(DemoTemplateOptions options, const Clock &clock = SystemClock::instance());

    // <user cache folder>/demo-workspace
    static QString defaultCacheDirectory();

    // A template of this identity, young enough, is ready: checkout() will only copy and open it.
    bool isCurrent() const;

    // Copies the template into `directory` (empty or missing) and opens the copy; builds the
    // template first with `build` when it is missing, stale or unreadable. A failed build leaves
    // no template behind.
    Result<workspace::DemoWorkspace> checkout(const QString &directory, const DemoWorkspaceBuilder &build);

    // Forgets the template (the next checkout builds it): for a build the user cut short, whose
    // cohort is incomplete.
    void discard();

private:
    struct Stored;
    Result<Stored> readCurrent() const;
    Result<Stored> buildTemplate(const DemoWorkspaceBuilder &build);

    DemoTemplateOptions m_options;
    const Clock &m_clock;
};

} // namespace mdp::startup
