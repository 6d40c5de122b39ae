#pragma once

// Engine types that travel in signals and QVariants between the worker and the GUI.

#include "engine/core/image.h"
#include "engine/deconv/deconvolution.h"

#include <QMetaType>

Q_DECLARE_METATYPE(latentlens::engine::IterationInfo)
Q_DECLARE_METATYPE(latentlens::engine::Image)
