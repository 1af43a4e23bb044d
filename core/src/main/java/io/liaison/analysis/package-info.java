/**
 * Text analysis for mixed Chinese and English: {@link io.liaison.analysis.LiaisonAnalyzer} and its
 * parts.
 *
 * <p>{@link io.liaison.analysis.ChineseScript} and {@link
 * io.liaison.analysis.TraditionalToSimplifiedCharFilter} need no SmartCN; {@link
 * io.liaison.analysis.HanSegmentationFilter} wraps SmartCN's segmenter. Every component has a
 * factory registered by SPI name, so Solr, OpenSearch and {@code CustomAnalyzer} load them.
 */
package io.liaison.analysis;
