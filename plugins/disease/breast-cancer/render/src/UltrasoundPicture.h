#pragma once

#include <QImage>

namespace mdp::cohort {

// A synthetic B-mode breast ultrasound frame: speckled tissue layers in a sector, an irregular
// hypoechoic mass with posterior shadowing, calipers and the usual screen annotations. The picture
// depends on its arguments only.
class UltrasoundPicture
{
public:
    static QImage render(quint64 seed, int lesionMm, bool left);
};

} // namespace mdp::cohort
