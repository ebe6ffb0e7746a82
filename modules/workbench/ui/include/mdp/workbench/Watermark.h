#pragma once

class QWidget;

namespace mdp::viewer {
class WatermarkOverlay;
}

namespace mdp::workbench {

class SessionContext;

// Covers `target` with the viewer's watermark (display name, sign-in name, time) when the permission
// engine obliges one on the session's reads of patient records (R-7.1.2: level-3 data shown to a role
// that does not see identity). The service decides, not the screen; nullptr when not obliged.
viewer::WatermarkOverlay *watermarkIfObliged(SessionContext &context, QWidget *target);

} // namespace mdp::workbench
