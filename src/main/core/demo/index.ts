/** The demo project: synthetic subjects with ground-truth micro-expressions, rendered by the app itself. */
export { DEMO_AUS, DEMO_EMOTIONS, type DemoEmotion } from './emotions';
export { generateDemoVideos, type GenerateDemoOptions, type GeneratedDemo } from './generate';
export { DEFAULT_DEMO_SEED, demoPlan, subjectFace, type DemoBlink, type DemoEvent, type DemoPlan, type DemoRecording, type DemoScale, type DemoSubject } from './plan';
export { faceRegions, type Box, type Region } from './regions';
export { renderRecording } from './render';
export { makeSubject, type FaceParams } from './subject';
